import { inputClass, labelClass } from '@/components/ui/form';
import type { PortalSettings } from '@/lib/portal/settings';
import { PortalActionForm } from './action-form';
import type { PortalAction } from './action-types';

/** Where a partner's portal may be embedded, and its accent colour (the partner's page and the admin's). */
export function PortalSettingsForm({ action, settings, partnerId }: { action: PortalAction; settings: PortalSettings; partnerId?: string }) {
  return (
    <>
      <PortalActionForm action={action} label="Portal settings" submitLabel="Save" hidden={partnerId ? { partnerId } : {}}>
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
        Portal pages answer with <code className="font-mono">Content-Security-Policy: frame-ancestors</code> and these origins; with none, no site may frame the portal. The
        portal posts <code className="font-mono">{'{type: "ducat:portal:height", height}'}</code> to the framing page whenever its height changes.
      </p>
    </>
  );
}
