import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/app/(auth)/session';
import { savePortalSettingsAction } from '@/app/portal/(app)/settings/actions';
import { PortalSettingsForm } from '@/components/portal/portal-settings-form';
import { Card, PageHeader } from '@/components/ui/card';
import { isDomainError } from '@/lib/errors';
import { getPortalSettings } from '@/lib/portal/settings';

export const metadata: Metadata = { title: 'Partner portal' };

/** An admin sets where a partner's portal may be embedded and its accent colour. */
export default async function PartnerPortalPage({ params }: { params: Promise<{ partnerId: string }> }) {
  const actor = await requireActor('portal.settings');
  const { partnerId } = await params;
  const settings = await getPortalSettings(actor, decodeURIComponent(partnerId)).catch((e: unknown) => {
    if (isDomainError(e) && e.kind === 'not_found') notFound();
    throw e;
  });
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        <Link href="/partners" className="hover:text-zinc-800">
          Partners
        </Link>{' '}
        / {settings.name}
      </nav>
      <PageHeader title={`${settings.name}: portal`} description="Where the partner may embed its portal, and the accent colour it follows" />
      <Card title="Embedding">
        <div className="px-4 py-3">
          <PortalSettingsForm action={savePortalSettingsAction} settings={settings} partnerId={decodeURIComponent(partnerId)} />
        </div>
      </Card>
    </>
  );
}
