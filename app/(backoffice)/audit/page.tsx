import type { Metadata } from 'next';
import { requireActor } from '@/app/(auth)/session';
import { AuditDiff } from '@/components/audit/audit-diff';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { DateRangeFilter, Field, FilterActions, PartnerFilter, SelectFilter } from '@/components/ui/filter-fields';
import { inputClass, secondaryButtonClass } from '@/components/ui/form';
import { formatDateTime, ROLE_LABELS } from '@/components/ui/format';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { Table, Td, Th } from '@/components/ui/table';
import { hrefWith } from '@/components/ui/url';
import { AUDIT_ROLES, auditQuery, listAuditLog, type AuditQuery } from '@/lib/backoffice/audit-log';
import { partnerOptions } from '@/lib/backoffice/partners';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const params = (q: AuditQuery) => ({ ...q, dir: q.dir === 'desc' ? undefined : q.dir });

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('audit.read');
  const query = auditQuery.parse(await searchParams);
  const [partners, log] = await Promise.all([partnerOptions(actor), listAuditLog(actor, query)]);
  const filtered = Boolean(query.actor || query.role || query.partner || query.action || query.object || query.from || query.to);
  const resetHref = filtered || query.dir !== 'desc' ? '/audit' : null;
  const exportHref = hrefWith('/api/backoffice/audit/export', { ...params(query), after: undefined });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every back-office and partner action: who, role, tenant, what, before and after, when (UTC) and from which IP. Append-only."
        actions={
          <a href={exportHref} className={secondaryButtonClass} download>
            Export CSV
          </a>
        }
      />
      <form method="get" action="/audit" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3">
        <Field id="actor" label="Actor (email, name or id)">
          <input id="actor" name="actor" defaultValue={query.actor ?? ''} className={inputClass} />
        </Field>
        <SelectFilter id="role" label="Role" value={query.role} anyLabel="Any role" options={AUDIT_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] ?? 'System' }))} />
        <PartnerFilter partners={partners} value={query.partner} />
        <Field id="action" label="Action (prefix)">
          <input id="action" name="action" placeholder="debt." defaultValue={query.action ?? ''} className={inputClass} />
        </Field>
        <Field id="object" label="Object (type, id or type:id)">
          <input id="object" name="object" defaultValue={query.object ?? ''} className={inputClass} />
        </Field>
        <DateRangeFilter from={query.from} to={query.to} />
        <SelectFilter id="dir" label="Sort" value={query.dir === 'desc' ? undefined : query.dir} anyLabel="Newest first" options={[{ value: 'asc', label: 'Oldest first' }]} />
        <FilterActions resetHref={resetHref} />
      </form>

      <Card>
        {log.rows.length === 0 ? (
          <EmptyState title={filtered ? 'No audit rows match these filters' : 'Nothing audited yet'} resetHref={filtered ? '/audit' : undefined} />
        ) : (
          <Table caption="Audit log" testId="audit-rows">
            <thead>
              <tr>
                <Th>Time (UTC)</Th>
                <Th>Actor</Th>
                <Th>Role</Th>
                <Th>Tenant</Th>
                <Th>Action</Th>
                <Th>Object</Th>
                <Th>IP</Th>
                <Th>Before / after</Th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((r) => (
                <tr key={r.id} data-testid="audit-row" className="hover:bg-zinc-50/70">
                  <Td className="whitespace-nowrap align-top">{formatDateTime(r.at)}</Td>
                  <Td className="align-top" data-testid="audit-actor">
                    {r.actorName ? (
                      <>
                        <span className="font-medium">{r.actorName}</span>
                        <span className="block text-xs text-zinc-500">{r.actorEmail}</span>
                      </>
                    ) : (
                      <span className="font-mono text-xs">
                        {r.actorType === 'api_key' ? 'API key ' : r.actorType === 'system' ? 'job ' : ''}
                        {r.actorId}
                      </span>
                    )}
                  </Td>
                  <Td className="align-top" data-testid="audit-role">{ROLE_LABELS[r.actorRole] ?? r.actorRole}</Td>
                  <Td className="align-top">{r.partnerName ?? '—'}</Td>
                  <Td className="align-top font-mono text-xs" data-testid="audit-action">{r.action}</Td>
                  <Td className="align-top font-mono text-xs">
                    {r.objectType} <span className="text-zinc-500">{r.objectId}</span>
                  </Td>
                  <Td className="align-top font-mono text-xs">{r.ip ?? '—'}</Td>
                  <Td className="min-w-64 align-top">
                    {r.before === null && r.after === null ? (
                      <span className="text-xs text-zinc-500">—</span>
                    ) : (
                      <details>
                        <summary className="cursor-pointer text-xs text-indigo-700">Show changes</summary>
                        <div className="mt-1">
                          <AuditDiff before={r.before} after={r.after} />
                        </div>
                      </details>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <KeysetPager
          shown={log.rows.length}
          total={log.total}
          noun={log.capped ? 'rows (or more)' : 'rows'}
          nextHref={log.next ? hrefWith('/audit', { ...params(query), after: log.next }) : null}
          firstHref={query.after ? hrefWith('/audit', { ...params(query), after: undefined }) : null}
        />
      </Card>
    </>
  );
}
