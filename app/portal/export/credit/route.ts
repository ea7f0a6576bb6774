/**
 * GET /portal/export/credit — the same CSV as /api/backoffice/credit/export, served under /portal so that
 * the embedded portal's session cookie (sent only under /portal) reaches it.
 */
export { GET } from '@/app/api/backoffice/credit/export/route';
export const dynamic = 'force-dynamic';
