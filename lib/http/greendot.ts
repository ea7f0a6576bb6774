import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { partners } from '@/db/schema';
import type { ApiKeyActor } from '@/lib/auth/actor';
import { isDomainError, notFound } from '@/lib/errors';
import { toMajorUnits } from '@/lib/money';
import { TRANSFER_CODES } from '@/lib/transfers/model';
import type { TransferView } from '@/lib/transfers/service';
import { json } from './api';
import type { Problem } from './problem';

/** The Green Dot dialect: camelCase, decimal major units, `responseDetails` on every answer. */
const DOCS_URL = 'http://tbd';

export function greenDotTransfer(v: TransferView) {
  const asOf = v.account.asOf.toISOString();
  return {
    transfer: { transferIdentifier: v.transfer.transferIdentifier, transferStatus: v.transfer.status },
    accounts: [
      {
        accountIdentifier: v.account.id,
        purses: [
          {
            purseIdentifier: `${v.account.id}:primary`,
            purseType: 'primary',
            availableBalance: toMajorUnits(v.account.available, v.transfer.currency),
            ledgerBalance: toMajorUnits(v.account.balance, v.transfer.currency),
            availableBalanceAsOfDateTime: asOf,
            ledgerBalanceAsOfDateTime: asOf,
          },
        ],
      },
    ],
    responseDetails: [{ code: TRANSFER_CODES.ok.code, description: TRANSFER_CODES.ok.description, url: DOCS_URL }],
  };
}

/** Failures as Green Dot shows them: `responseDetails[{code, subCode, description, url}]`. */
export function greenDotError(p: Problem, error: unknown): Response {
  const details = isDomainError(error) ? (error.details ?? {}) : {};
  const code = typeof details.code === 'number' ? details.code : p.status;
  const subCode = typeof details.subCode === 'number' ? details.subCode : undefined;
  const detail = { code, ...(subCode !== undefined ? { subCode } : {}), description: p.detail, url: DOCS_URL };
  return json({ responseDetails: [detail], ...(p.errors ? { errors: p.errors } : {}) }, { status: p.status });
}

/** The program code in the path must be the caller's own; another program does not exist. */
export async function assertOwnProgram(actor: ApiKeyActor, programCode: string): Promise<void> {
  const [p] = await getDb().select({ id: partners.id }).from(partners).where(and(eq(partners.id, actor.partnerId), eq(partners.programCode, programCode.toUpperCase())));
  if (!p) throw notFound(`program ${programCode}`);
}
