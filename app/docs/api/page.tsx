import type { Metadata } from 'next';
import Link from 'next/link';
import { TryIt } from '@/components/docs/try-it';
import { openApiDocument } from '@/lib/http/openapi';

export const metadata: Metadata = { title: 'API reference' };

type Parameter = { name: string; in: string; required: boolean; schema: Record<string, unknown> };
type Op = {
  operationId: string;
  tags: string[];
  summary: string;
  security: unknown[];
  parameters: Parameter[];
  requestBody?: { content: { 'application/json': { schema: Record<string, unknown>; example?: unknown } } };
  responses: Record<string, { description: string }>;
};

const METHOD_STYLE: Record<string, string> = {
  get: 'bg-sky-100 text-sky-800',
  post: 'bg-emerald-100 text-emerald-800',
  put: 'bg-amber-100 text-amber-800',
  delete: 'bg-rose-100 text-rose-800',
};

/** The partner API reference, rendered from the same OpenAPI document as /api/openapi.json. */
export default function ApiReferencePage() {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Op })));
  return (
    <main className="mx-auto max-w-5xl px-6 py-10">
      <header className="mb-8">
        <h1 className="text-2xl font-semibold">{doc.info.title}</h1>
        <p className="mt-2 max-w-3xl text-zinc-600">{doc.info.description}</p>
        <p className="mt-2 text-zinc-600">
          Authenticate with <code className="rounded bg-zinc-100 px-1">Authorization: Bearer sk_…</code>. Machine-readable:{' '}
          <Link className="text-sky-700 underline" href="/api/openapi.json">
            /api/openapi.json
          </Link>{' '}
          (OpenAPI 3.1).
        </p>
        <nav aria-label="Dialects" className="mt-4 flex gap-3">
          {doc.tags.map((t) => (
            <a key={t.name} href={`#${slug(t.name)}`} className="rounded-full border px-3 py-1 text-xs hover:bg-zinc-50">
              {t.name}
            </a>
          ))}
        </nav>
      </header>
      {doc.tags.map((tag) => (
        <section key={tag.name} id={slug(tag.name)} aria-labelledby={`${slug(tag.name)}-title`} className="mb-10">
          <h2 id={`${slug(tag.name)}-title`} className="mb-3 text-lg font-semibold">
            {tag.name}
          </h2>
          <div className="space-y-3">
            {operations
              .filter((o) => o.op.tags.includes(tag.name))
              .map(({ path, method, op }) => (
                <details key={op.operationId} id={op.operationId} className="rounded-lg border bg-white">
                  <summary className="flex cursor-pointer items-center gap-3 px-4 py-3">
                    <span className={`w-16 rounded px-2 py-0.5 text-center text-xs font-bold uppercase ${METHOD_STYLE[method] ?? ''}`}>{method}</span>
                    <code className="font-mono text-[13px]">{path}</code>
                    <span className="ml-auto truncate text-zinc-500">{op.summary}</span>
                  </summary>
                  <div className="space-y-4 border-t px-4 py-4">
                    {op.parameters.length > 0 && (
                      <table className="w-full text-left text-xs">
                        <caption className="mb-1 text-left font-semibold">Parameters</caption>
                        <thead className="text-zinc-500">
                          <tr>
                            <th className="py-1">name</th>
                            <th>in</th>
                            <th>required</th>
                            <th>schema</th>
                          </tr>
                        </thead>
                        <tbody>
                          {op.parameters.map((p) => (
                            <tr key={`${p.in}-${p.name}`} className="border-t">
                              <td className="py-1 font-mono">{p.name}</td>
                              <td>{p.in}</td>
                              <td>{p.required ? 'yes' : 'no'}</td>
                              <td className="font-mono text-zinc-600">{JSON.stringify(p.schema)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    )}
                    {op.requestBody && (
                      <div>
                        <h3 className="mb-1 text-xs font-semibold">Request body (application/json)</h3>
                        <pre className="max-h-72 overflow-auto rounded bg-zinc-50 p-3 text-xs">{JSON.stringify(op.requestBody.content['application/json'].schema, null, 2)}</pre>
                      </div>
                    )}
                    <div>
                      <h3 className="mb-1 text-xs font-semibold">Responses</h3>
                      <ul className="text-xs">
                        {Object.entries(op.responses).map(([status, r]) => (
                          <li key={status}>
                            <span className="font-mono font-semibold">{status}</span> {r.description}
                          </li>
                        ))}
                      </ul>
                    </div>
                    <TryIt
                      method={method.toUpperCase()}
                      path={path}
                      parameters={op.parameters}
                      example={op.requestBody ? JSON.stringify(op.requestBody.content['application/json'].example ?? {}, null, 2) : null}
                      needsKey={op.security.length > 0}
                    />
                  </div>
                </details>
              ))}
          </div>
        </section>
      ))}
    </main>
  );
}

function slug(s: string) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
