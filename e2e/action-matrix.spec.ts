import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { canSendFromBackoffice } from '@/components/p2p/access';
import type { Role } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';

/**
 * Every server action in the build (Next's server-reference manifest), called directly — as a
 * forged request would, not through the page that shows its form — with this project's session.
 * No session: sent to /login. A role without the action's permission: the forbidden() fallback
 * (403). A role with it: the action runs and returns its state (here a refusal of the bogus form). A new action without an
 * entry in PERMISSIONS fails this test.
 */
/** The permission an action requires, or its own rule when it is stricter than one permission. */
const PERMISSIONS: Record<string, Permission | ((role: Role) => boolean) | 'public'> = {
  'app/login/actions.ts#login': 'public',
  'app/(backoffice)/actions.ts#signOutAction': 'public',
  'app/(backoffice)/billing/new/actions.ts#uploadBillingAction': 'debits.force',
  'app/(backoffice)/debts/actions.ts#startDebtBulkActionFromList': 'debts.read',
  'app/(backoffice)/debts/[id]/actions.ts#assignDebtAction': 'debts.assign',
  'app/(backoffice)/debts/[id]/actions.ts#addNoteAction': 'debts.recover',
  'app/(backoffice)/debts/[id]/actions.ts#setFollowUpAction': 'debts.recover',
  'app/(backoffice)/debts/[id]/actions.ts#recordPromiseAction': 'debts.recover',
  'app/(backoffice)/debts/[id]/actions.ts#recordOutsideRecoveryAction': 'debts.recover',
  'app/(backoffice)/debts/[id]/actions.ts#recoverFromWalletAction': 'debts.recover',
  'app/(backoffice)/debts/[id]/actions.ts#requestWriteOffAction': 'debts.write_off',
  'app/(backoffice)/debts/[id]/actions.ts#reopenDebtAction': 'debts.close',
  'app/(backoffice)/debts/[id]/actions.ts#closeDebtAction': 'debts.close',
  'app/(backoffice)/debts/approvals/actions.ts#decideWriteOffAction': 'debts.approve',
  'app/(backoffice)/debts/approvals/actions.ts#setWriteOffThresholdAction': 'settings.manage',
  'app/(backoffice)/admin/staff/actions.ts#setUserDisabledAction': 'staff.manage',
  'app/(backoffice)/accounts/[accountId]/actions.ts#updateConnectionPermissionsAction': 'p2p.permissions.manage',
  'app/(backoffice)/accounts/[accountId]/actions.ts#changeAccountStatusAction': 'accounts.manage',
  'app/(backoffice)/p2p/new/actions.ts#sendP2pAction': (role) => can(role, 'p2p.send') && canSendFromBackoffice(role),
  'app/(backoffice)/transfers/[transferIdentifier]/actions.ts#reverseTransferAction': 'transfers.reverse',
  'app/portal/(app)/developers/actions.ts#createApiKeyAction': 'api_keys.manage',
  'app/portal/(app)/developers/actions.ts#revokeApiKeyAction': 'api_keys.manage',
  'app/portal/(app)/developers/actions.ts#createEndpointAction': 'webhooks.manage',
  'app/portal/(app)/developers/actions.ts#rotateSecretAction': 'webhooks.manage',
  'app/portal/(app)/developers/actions.ts#deleteEndpointAction': 'webhooks.manage',
  'app/portal/(app)/developers/actions.ts#redeliverAction': 'webhooks.manage',
  'app/portal/(app)/settings/actions.ts#savePortalSettingsAction': 'portal.settings',
  'app/(backoffice)/credit/[walletId]/actions.ts#raiseLimitAction': 'credit.request_raise',
  'app/(backoffice)/credit/[walletId]/actions.ts#recordPaymentAction': 'credit.pay',
  'app/(backoffice)/credit/[walletId]/actions.ts#blockWalletAction': 'credit.operate',
  'app/(backoffice)/credit/[walletId]/actions.ts#unblockWalletAction': 'credit.operate',
  'app/(backoffice)/credit/approvals/actions.ts#decideLimitRaiseAction': 'credit.approve',
  'app/(backoffice)/credit/approvals/actions.ts#setLimitThresholdAction': 'settings.manage',
  'app/(backoffice)/credit/products/actions.ts#createProductAction': 'credit.products.manage',
  'app/(backoffice)/credit/products/actions.ts#updateProductAction': 'credit.products.manage',
};

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };
const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as Manifest;
const actions = Object.entries(manifest.node).map(([id, a]) => ({ id, name: `${a.filename}#${a.exportedName}` }));

test('every server action has an entry in the permission table', () => {
  expect(actions.map((a) => a.name).filter((n) => !(n in PERMISSIONS))).toEqual([]);
});

for (const action of actions.filter((a) => PERMISSIONS[a.name] && PERMISSIONS[a.name] !== 'public')) {
  test(`${action.name} answers this role as the permission matrix says`, async ({ request }, info) => {
    const role = info.project.name as 'anonymous' | 'admin' | 'finance' | 'manager' | 'partner';
    // The wire format React uses for (previousState, formData): field 0 is the argument list,
    // the form's fields follow with the reference prefix.
    const res = await request.post('/', {
      headers: { 'Next-Action': action.id, Accept: 'text/x-component' },
      multipart: { '0': '[{},"$K1"]', '1_debtId': 'unknown', '1_accountId': 'unknown', '1_transferIdentifier': 'unknown', '1_partner': 'unknown' },
      maxRedirects: 0,
    });
    if (role === 'anonymous') {
      expect([302, 303]).toContain(res.status());
      expect(res.headers()['x-action-redirect'] ?? res.headers().location).toContain('/login');
      return;
    }
    // Next streams an action's refusal as the forbidden() fallback in the action's result.
    const body = await res.text();
    const rule = PERMISSIONS[action.name]!;
    const allowed = typeof rule === 'function' ? rule(role) : can(role, rule as Permission);
    if (!allowed) return expect(body).toContain('NEXT_HTTP_ERROR_FALLBACK;403');
    expect(res.status()).toBe(200);
    expect(body).not.toContain('NEXT_HTTP_ERROR_FALLBACK');
    expect(body, 'the action returned its state').toMatch(/\n1:\{"/);
  });
}
