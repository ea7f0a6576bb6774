import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger, runOnce } from 'graphile-worker';
import { taskList } from '@/worker/tasks';

export type ReceivedWebhook = { path: string; headers: http.IncomingHttpHeaders; body: string; event: { id: string; type: string; data: Record<string, unknown> } };

/** A real HTTP endpoint on loopback that records what Ducat's webhooks send it. */
export async function startWebhookReceiver(status = (_path: string) => 200) {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const code = status(req.url ?? '');
      received.push({ path: req.url ?? '', headers: req.headers, body, event: JSON.parse(body || '{}') as ReceivedWebhook['event'] });
      res.writeHead(code, { 'content-type': 'text/plain' }).end(code < 300 ? 'thanks' : 'boom');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Runs every job that is due now (deliveries, settlements), as the worker would. */
export function runDueJobs() {
  return runOnce({ connectionString: process.env.DATABASE_URL!, taskList, noPreparedStatements: true, logger: quiet });
}

const quiet = new Logger(() => () => {});
