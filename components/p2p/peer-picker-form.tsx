'use client';

import { useState } from 'react';
import { buttonClass } from '@/components/ui/form';
import type { ConnectionOption } from './connection-option';
import { ConnectionPicker } from './connection-picker';

/** Two wallets to compare, as a GET form (a and b in the URL). The second is searched in the first's tenant. */
export function PeerPickerForm({ a, b, showPartner, action = '/p2p/peers' }: { a: ConnectionOption | null; b: ConnectionOption | null; showPartner: boolean; action?: string }) {
  const [first, setFirst] = useState(a);
  const [second, setSecond] = useState(b);
  return (
    <form method="get" action={action} aria-label="Choose two wallets" className="mb-6 grid items-end gap-4 md:grid-cols-[1fr_1fr_auto]">
      <ConnectionPicker
        name="a"
        label="Wallet A"
        value={first}
        showPartner={showPartner}
        exclude={second?.id}
        partnerId={second?.partnerId}
        onChange={setFirst}
      />
      <ConnectionPicker
        name="b"
        label="Wallet B"
        value={second}
        showPartner={showPartner}
        exclude={first?.id}
        partnerId={first?.partnerId}
        onChange={setSecond}
      />
      <button type="submit" className={buttonClass} disabled={!first || !second}>
        Show history
      </button>
    </form>
  );
}
