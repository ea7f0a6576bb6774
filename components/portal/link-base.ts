import 'server-only';
import { headers } from 'next/headers';
import { PORTAL_REQUEST_HEADER } from '@/app/(auth)/portal-cookie';


/**
 * The prefix of links between pages: '/portal' when a back-office page is shown inside the portal
 * (so its links stay in the portal), '' in the back office.
 */
export async function linkBase(): Promise<'' | '/portal'> {
  return (await headers()).get(PORTAL_REQUEST_HEADER) === '1' ? '/portal' : '';
}

/**
 * Where a list's CSV export is served: under /portal inside the portal (the embedded session's
 * cookie is only sent there), under /api/backoffice in the back office.
 */
export async function exportPath(list: 'debts' | 'p2p' | 'transfers' | 'credit'): Promise<string> {
  return (await linkBase()) === '/portal' ? `/portal/export/${list}` : `/api/backoffice/${list}/export`;
}
