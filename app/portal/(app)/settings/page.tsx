import type { Metadata } from 'next';
import { requireActor } from '@/app/(auth)/session';
import { PortalSettingsForm } from '@/components/portal/portal-settings-form';
import { Card } from '@/components/ui/card';
import { getPortalSettings } from '@/lib/portal/settings';
import { savePortalSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Portal settings' };

/** Where the portal may be embedded (CSP frame-ancestors) and the accent colour it follows. */
export default async function PortalSettingsPage() {
  const actor = await requireActor('portal.settings');
  const settings = await getPortalSettings(actor);
  return (
    <Card title="Embedding">
      <div className="px-4 py-3">
        <PortalSettingsForm action={savePortalSettingsAction} settings={settings} />
      </div>
    </Card>
  );
}
