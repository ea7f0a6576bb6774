import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';

/**
 * Who may send a P2P from the back office: staff with `p2p.send` (admin, finance). Partners send
 * through their API or portal, not through this page, even though their role may send.
 */
export function canSendFromBackoffice(role: Actor['role']): boolean {
  return role !== 'partner' && role !== 'system' && can(role, 'p2p.send');
}
