/**
 * GET /portal/export/p2p — the same CSV as /api/backoffice/p2p/export, served under /portal so that
 * the embedded portal's session cookie (sent only under /portal) reaches it.
 */
export { GET } from '@/app/api/backoffice/p2p/export/route';
export const dynamic = 'force-dynamic';
