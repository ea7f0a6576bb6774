/**
 * GET /portal/export/debts — the same CSV as /api/backoffice/debts/export, served under /portal so that
 * the embedded portal's session cookie (sent only under /portal) reaches it.
 */
export { GET } from '@/app/api/backoffice/debts/export/route';
export const dynamic = 'force-dynamic';
