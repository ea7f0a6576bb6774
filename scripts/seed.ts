import { closeDb, getDb } from '@/db/client';
import { seedDemo } from '@/db/seed';

const { seeded } = await seedDemo(getDb());
console.log(seeded ? 'demo data seeded' : 'demo data already present');
await closeDb();
