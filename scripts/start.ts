// `npm start`: database (private cluster or DATABASE_URL), migrations, demo site, web build, server.
import type { Server } from 'node:http';
import { makeApp } from '../server/app.js';
import { ChangeFeed } from '../server/changes/change-feed.js';
import { readConfig } from '../server/config.js';
import { migrate } from '../server/db/migrate.js';
import { createPool } from '../server/db/pool.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoIfEmpty } from '../server/demo/load-demo.js';
import { buildWebIfStale } from './lib/build-web.js';
import { openDatabase } from './lib/database.js';

const startedAt = performance.now();
const database = await openDatabase();
const config = readConfig({ ...process.env, DATABASE_URL: database.url });
const pool = createPool({ connectionString: config.DATABASE_URL, statementTimeoutMs: config.STATEMENT_TIMEOUT_MS, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, max: config.DATABASE_POOL_SIZE });
const changes = new ChangeFeed(pool);
let server: Server | undefined;

/** Closes the server, the pool and the private cluster, once. */
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping Tessera…`);
  await changes.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await pool.end().catch(() => undefined);
  await database.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  const migrations = await migrate(pool);
  console.log(`Migrations: ${migrations.applied.length} applied, ${migrations.total} in all.`);
  const demo = await loadDemoIfEmpty(pool);
  console.log(demo ? `Demo site loaded: ${JSON.stringify(demo)}` : 'The database already holds a site: demo not reloaded.');
  await buildWebIfStale();
  server = makeApp({ pool, changes }).listen(config.PORT, () => {
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(`\nTessera is ready in ${seconds} s: http://localhost:${config.PORT}`);
    console.log(`Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((account) => `${account.email} (${account.role})`).join(', ')}`);
    console.log('Stop with Ctrl-C.');
  });
} catch (error) {
  console.error(`Tessera could not start: ${(error as Error).message}`);
  await pool.end().catch(() => undefined);
  await database.stop();
  process.exit(1);
}
