import { sessionRoute } from '@/app/(auth)/session-route';
import { auditLogCsv, auditQuery } from '@/lib/backoffice/audit-log';
import { csvResponse } from '@/lib/http/csv-response';

export const dynamic = 'force-dynamic';

/** GET /api/backoffice/audit/export — the audit page's filtered rows as CSV (admin and manager). */
export const GET = sessionRoute('audit.read', async (req, { actor }) => {
  const query = auditQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return csvResponse(auditLogCsv(actor, query), 'audit-log');
});
