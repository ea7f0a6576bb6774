import { sessionRoute } from '@/app/(auth)/session-route';
import { csvResponse } from '@/lib/http/csv-response';
import { lossAndProfitCsv } from '@/lib/reports/csv';
import { getLossAndProfitReport } from '@/lib/reports/loss-and-profit';
import { reportQueryOf } from '@/lib/reports/query';

export const dynamic = 'force-dynamic';

/** GET /api/backoffice/loss-and-profit/export — the L&P page's report (period and comparison) as CSV. */
export const GET = sessionRoute('reports.loss_and_profit', async (req, { actor }) => {
  const query = reportQueryOf(Object.fromEntries(new URL(req.url).searchParams), new Date());
  const [report, compare] = await Promise.all([
    getLossAndProfitReport(actor, { partnerId: query.partner, period: query.period }),
    getLossAndProfitReport(actor, { partnerId: query.partner, period: query.compare }),
  ]);
  async function* lines() {
    yield* lossAndProfitCsv(report, compare);
  }
  return csvResponse(lines(), `loss-and-profit-${query.period.from}-${query.period.to}`);
});
