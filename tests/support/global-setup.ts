import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embedded';
import { migrateDatabase } from '../../db/migrate';

let embedded: EmbeddedDatabase | null = null;

/**
 * One real Postgres for the whole run: a fresh embedded cluster under .data/test-pg, or the
 * server in TEST_DATABASE_URL (which must be local: tests create and change data freely).
 */
export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (url) {
    const host = new URL(url).hostname;
    if (!['localhost', '127.0.0.1', '::1'].includes(host)) {
      throw new Error(`refusing to run tests against non-local database host ${host}`);
    }
  } else {
    const dataDir = '.data/test-pg';
    fs.rmSync(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: Number(process.env.TEST_PG_PORT ?? 54330),
      database: 'ducat_test',
      fast: true,
    });
    url = embedded.url;
  }
  await migrateDatabase(url);
  project.provide('databaseUrl', url);
}

export async function teardown() {
  await embedded?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
