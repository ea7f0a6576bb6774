import { closeDb, getDb } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { seedDemoDebts } from '@/db/seed-debts';

const { seeded } = await seedDemo(getDb());
console.log(seeded ? 'demo data seeded' : 'demo data already present');
// After the demo seed has committed: the debt services run their own transactions.
const debts = await seedDemoDebts(getDb());
if (debts.seeded > 0) console.log(`demo debts seeded: ${debts.seeded}`);
await closeDb();
