import type { Metadata } from 'next';
import { requireActor } from '@/app/(auth)/session';
import { PortalActionForm } from '@/components/portal/action-form';
import { Card } from '@/components/ui/card';
import { inputClass, labelClass } from '@/components/ui/form';
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
        <PortalActionForm action={savePortalSettingsAction} label="Portal settings" submitLabel="Save">
          <div>
            <label htmlFor="frameAncestors" className={labelClass}>
              Origins allowed to embed the portal (one a line, like https://app.example.com)
            </label>
            <textarea id="frameAncestors" name="frameAncestors" rows={3} defaultValue={settings.frameAncestors.join('\n')} className={`${inputClass} mt-1 w-96 font-mono text-xs`} />
          </div>
          <div>
            <label htmlFor="accentColor" className={labelClass}>
              Accent colour (hex; empty: neutral)
            </label>
            <input id="accentColor" name="accentColor" defaultValue={settings.accentColor ?? ''} placeholder="#0f766e" className={`${inputClass} mt-1 w-32 font-mono`} />
          </div>
        </PortalActionForm>
        <p className="mt-3 text-xs text-zinc-500">
          Pages of the portal answer with <code className="font-mono">Content-Security-Policy: frame-ancestors</code> and these origins; with none, no site may frame it. The
          portal posts <code className="font-mono">{'{type: "ducat:portal:height", height}'}</code> to the framing page whenever its height changes.
        </p>
      </div>
    </Card>
  );
}
