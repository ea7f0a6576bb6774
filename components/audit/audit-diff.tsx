import { auditDiff } from '@/lib/backoffice/audit-log';
import { cn } from '@/components/ui/cn';

/** Before and after of one audit row, key by key; changed keys are highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const lines = auditDiff(before, after);
  if (lines.length === 0) return <p className="text-xs text-zinc-500">No before or after recorded.</p>;
  return (
    <table className="w-full text-xs" data-testid="audit-diff">
      <thead>
        <tr className="text-left text-zinc-500">
          <th scope="col" className="py-1 pr-3 font-medium">Field</th>
          <th scope="col" className="py-1 pr-3 font-medium">Before</th>
          <th scope="col" className="py-1 font-medium">After</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.key} className={cn(l.changed && 'bg-amber-50')}>
            <th scope="row" className="py-1 pr-3 text-left font-mono font-normal text-zinc-700">{l.key}</th>
            <td className={cn('py-1 pr-3 font-mono break-all', l.changed && l.before !== null && 'text-rose-700 line-through decoration-rose-300')}>{l.before ?? '—'}</td>
            <td className={cn('py-1 font-mono break-all', l.changed && 'text-emerald-800')}>{l.after ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
