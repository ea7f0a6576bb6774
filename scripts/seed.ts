import { closeDb, getDb } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { seedDemoDebts } from '@/db/seed-debts';
import { seedDemoCredit } from '@/db/seed-credit';

const { seeded } = await seedDemo(getDb());
console.log(seeded ? 'demo data seeded' : 'demo data already present');
// After the demo seed has committed: the debt services run their own transactions.
const debts = await seedDemoDebts(getDb());
if (debts.seeded > 0) console.log(`demo debts seeded: ${debts.seeded}`);
const credit = await seedDemoCredit(getDb());
if (credit.seeded > 0) console.log(`demo credit wallets seeded: ${credit.seeded}`);
await closeDb();
