import { ActionForm } from '@/components/ui/action-form';
import type { FormAction } from '@/components/ui/action-types';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { inputClass, labelClass } from '@/components/ui/form';
import { centsToDecimalString } from '@/lib/money';

/**
 * An approval queue's decision: approve or reject `subject` (e.g. "the write-off of ORDER-1"),
 * unless the request is the viewer's own (four eyes: another manager must decide).
 */
export function ApprovalDecision({ own, action, hidden, subject }: { own: boolean; action: FormAction; hidden: Record<string, string>; subject: string }) {
  if (own) {
    return (
      <p className="px-4 py-3 text-sm text-zinc-500" data-testid="own-request">
        Your own request: another manager must decide.
      </p>
    );
  }
  return (
    <div className="flex flex-wrap">
      <ActionForm action={action} hidden={{ ...hidden, decision: 'approve' }} label={`Approve ${subject}`} submitLabel="Approve" />
      <ActionForm action={action} hidden={{ ...hidden, decision: 'reject' }} label={`Reject ${subject}`} submitLabel="Reject" secondary />
    </div>
  );
}

/** The admin's setting above which requests of this queue need a manager's approval. */
export function ApprovalThresholdCard({ action, label, explanation, threshold, currency }: { action: FormAction; label: string; explanation: string; threshold: bigint; currency: string }) {
  return (
    <Card title="Approval threshold">
      <ActionForm action={action} label={label} submitLabel="Save threshold">
        <label htmlFor="threshold" className={labelClass}>
          {explanation} ({currency})
        </label>
        <div className="w-40">
          <input id="threshold" name="amount" inputMode="decimal" required defaultValue={centsToDecimalString(threshold, currency)} className={cn(inputClass, 'text-right tabular-nums')} />
        </div>
      </ActionForm>
    </Card>
  );
}
