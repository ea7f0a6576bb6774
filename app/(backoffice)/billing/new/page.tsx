import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireActor } from '@/app/(auth)/session';
import { UploadBillingForm } from '@/components/billing/upload-form';
import { Card, PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { MAX_CSV_BYTES, MAX_CSV_LINES } from '@/lib/backoffice/billing';
import { partnerOptions } from '@/lib/backoffice/partners';
import { uploadBillingAction } from './actions';

export const metadata: Metadata = { title: 'New mass billing' };

export default async function NewMassBillingPage() {
  const actor = await requireActor('debits.force');
  if (!can(actor.role, 'p2p.send')) forbidden();
  const partners = await partnerOptions(actor);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        <Link href="/billing" className="hover:text-zinc-800">
          Billing
        </Link>{' '}
        / New mass billing
      </nav>
      <PageHeader
        title="New mass billing"
        description="Bill many wallets from one CSV file. Billing payments skip the balance check: a payer who cannot cover a line gets a client debt for the shortfall."
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2">
          <div className="px-4 py-4">
            <UploadBillingForm partners={actor.role === 'partner' ? null : partners} action={uploadBillingAction} />
          </div>
        </Card>
        <Card title="The file">
          <div className="space-y-2 px-4 py-3 text-sm text-zinc-700">
            <p>
              A CSV with the header <code className="font-mono text-xs">order_id,sender,receiver,amount,message</code> (message is optional), then one payment per line:
            </p>
            <ul className="list-disc space-y-1 pl-5">
              <li>
                <strong>order_id</strong>: your reference, unique per payment. A line whose OrderId was already paid is not paid again.
              </li>
              <li>
                <strong>sender</strong>, <strong>receiver</strong>: AppUserIds of the partner’s customers; receiver <code className="font-mono text-xs">commission</code> pays the
                partner’s commission account.
              </li>
              <li>
                <strong>amount</strong>: in the partner’s currency, major units with a dot (<code className="font-mono text-xs">12.50</code>).
              </li>
            </ul>
            <p>
              At most {(MAX_CSV_BYTES / 1024 / 1024).toFixed(0)} MB and {MAX_CSV_LINES.toLocaleString('en-GB')} lines. Nothing starts unless every line is good.
            </p>
            <a href="/api/backoffice/billing/template" download className="inline-block font-medium text-indigo-600 hover:text-indigo-500">
              Download the CSV template
            </a>
          </div>
        </Card>
      </div>
    </>
  );
}
