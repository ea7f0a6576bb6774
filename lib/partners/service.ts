import type { Tx } from '@/db/client';
import { partners } from '@/db/schema';
import { newId } from '@/lib/ids';
import { openPartnerAccounts } from '@/lib/ledger';

export type NewPartner = { slug: string; name: string; programCode: string; currency: string; id?: string };

/** Creates a tenant with its funding, commission and loss-and-profit accounts. */
export async function createPartner(tx: Tx, input: NewPartner) {
  const [partner] = await tx
    .insert(partners)
    .values({
      id: input.id ?? newId('ptn'),
      slug: input.slug,
      name: input.name,
      programCode: input.programCode,
      currency: input.currency,
      supportedCurrencies: [input.currency],
    })
    .returning();
  const accounts = await openPartnerAccounts(tx, partner!.id, input.currency);
  return { partner: partner!, accounts };
}
