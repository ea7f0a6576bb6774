import { randomBytes } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { requireActor } from '@/app/(auth)/session';
import { canSendFromBackoffice } from '@/components/p2p/access';
import { SendP2pForm } from '@/components/p2p/send-p2p-form';
import { Card, PageHeader } from '@/components/ui/card';
import { partnerOptions } from '@/lib/backoffice/partners';
import { sendP2pAction } from './actions';

export const metadata: Metadata = { title: 'Send a P2P' };

export default async function SendP2pPage() {
  const actor = await requireActor('p2p.send');
  if (!canSendFromBackoffice(actor.role)) forbidden();
  const partners = await partnerOptions(actor);
  // The OrderId (idempotency key) of whatever this rendered form sends.
  const orderId = `bo-${randomBytes(12).toString('hex')}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        <Link href="/p2p" className="hover:text-zinc-800">
          P2P
        </Link>{' '}
        / Send
      </nav>
      <PageHeader title="Send a P2P" description="An immediate transfer between two wallets of one partner, booked on the back-office channel" />
      <Card>
        <div className="px-4 py-4">
          <SendP2pForm partners={partners} orderId={orderId} action={sendP2pAction} />
        </div>
      </Card>
    </>
  );
}
