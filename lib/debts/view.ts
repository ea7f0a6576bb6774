import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { customers } from '@/db/schema';
import { toDebt, type ClientDebt, type DebtRow } from './model';

/** A debt row as services return it: with its customer's AppUserId. */
export async function debtView(db: Queryable, debt: DebtRow): Promise<ClientDebt> {
  const [c] = await db
    .select({ appUserId: customers.appUserId })
    .from(customers)
    .where(and(eq(customers.partnerId, debt.partnerId), eq(customers.id, debt.customerId)));
  return toDebt(debt, c!.appUserId);
}
