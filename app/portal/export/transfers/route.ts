/**
 * GET /portal/export/transfers — the same CSV as /api/backoffice/transfers/export, served under /portal so that
 * the embedded portal's session cookie (sent only under /portal) reaches it.
 */
export { GET } from '@/app/api/backoffice/transfers/export/route';
export const dynamic = 'force-dynamic';
