'use client';

import { useState } from 'react';

type Parameter = { name: string; in: string; required: boolean };

/** Sends one request from the reference page with the reader's own API key, and shows the answer. */
export function TryIt({ method, path, parameters, example, needsKey }: { method: string; path: string; parameters: Parameter[]; example: string | null; needsKey: boolean }) {
  const hasBody = example !== null;
  const [values, setValues] = useState<Record<string, string>>({});
  const [apiKey, setApiKey] = useState('');
  const [body, setBody] = useState(example ?? '');
  const [answer, setAnswer] = useState<{ status: number; text: string } | null>(null);
  const [sending, setSending] = useState(false);
  const fields = parameters.filter((p) => p.in !== 'header');

  async function send() {
    setSending(true);
    try {
      let url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[`path.${name}`] ?? ''));
      const query = new URLSearchParams(fields.filter((p) => p.in === 'query' && values[`query.${p.name}`]).map((p) => [p.name, values[`query.${p.name}`]!]));
      if (query.size) url += `?${query}`;
      const headers: Record<string, string> = {};
      if (needsKey) headers.authorization = `Bearer ${apiKey}`;
      if (hasBody) headers['content-type'] = 'application/json';
      const res = await fetch(url, { method, headers, body: hasBody ? body : undefined });
      const text = await res.text();
      let pretty = text;
      try {
        pretty = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        /* not JSON */
      }
      setAnswer({ status: res.status, text: pretty });
    } catch (e) {
      setAnswer({ status: 0, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setSending(false);
    }
  }

  return (
    <form
      aria-label={`Try ${method} ${path}`}
      className="space-y-2 rounded bg-zinc-50 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <h3 className="text-xs font-semibold">Try it</h3>
      <div className="grid grid-cols-2 gap-2">
        {needsKey && (
          <label className="text-xs">
            API key
            <input className="mt-0.5 block w-full rounded border px-2 py-1 font-mono" type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} />
          </label>
        )}
        {fields.map((p) => (
          <label key={`${p.in}.${p.name}`} className="text-xs">
            {p.name} <span className="text-zinc-500">({p.in})</span>
            <input
              className="mt-0.5 block w-full rounded border px-2 py-1 font-mono"
              required={p.required}
              value={values[`${p.in}.${p.name}`] ?? ''}
              onChange={(e) => setValues({ ...values, [`${p.in}.${p.name}`]: e.target.value })}
            />
          </label>
        ))}
      </div>
      {hasBody && (
        <label className="block text-xs">
          Body (JSON)
          <textarea className="mt-0.5 block h-28 w-full rounded border px-2 py-1 font-mono" value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
      )}
      <button type="submit" disabled={sending} className="rounded bg-zinc-900 px-3 py-1 text-xs font-semibold text-white disabled:opacity-60">
        {sending ? 'Sending…' : `Send ${method}`}
      </button>
      {answer && (
        <div role="status" aria-label="Response">
          <p className="text-xs font-semibold">{answer.status ? `HTTP ${answer.status}` : 'No answer'}</p>
          <pre className="max-h-72 overflow-auto rounded bg-white p-2 text-xs">{answer.text}</pre>
        </div>
      )}
    </form>
  );
}
