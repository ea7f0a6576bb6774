import { afterAll, inject } from 'vitest';
import { closeDb } from '@/db/client';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= 'test-secret-not-for-production';

afterAll(async () => {
  await closeDb();
});
