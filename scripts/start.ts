// `npm start`: database (private cluster or DATABASE_URL), migrations, demo site, web build, server.
import { makeApp } from '../server/app.js';
import { ChangeFeed } from '../server/changes/change-feed.js';
import { readConfig } from '../server/config.js';
import { migrate } from '../server/db/migrate.js';
import { createPool } from '../server/db/pool.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoIfEmpty } from '../server/demo/load-demo.js';
import { stopServing, type Serving } from '../server/stop-serving.js';
import { buildWebIfStale } from './lib/build-web.js';
import { openDatabase } from './lib/database.js';
import { onStopRequest } from './lib/stop-requests.js';

const startedAt = performance.now();
let stopping = false;
let serving: Serving | undefined;

/** Closes the server, the change feed, the pool and the private cluster, then exits with `exitCode`. */
async function stop(reason: string, exitCode = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${reason}: stopping Tessera…`);
  try {
    if (serving) await stopServing(serving);
    // Asked to stop while the cluster is still starting, we wait for it, so as to stop it too.
    await (await opening.catch(() => undefined))?.stop();
  } catch (error) {
    console.error(`Tessera did not stop cleanly: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log('Tessera stopped.');
  process.exit(exitCode);
}

const opening = openDatabase();
onStopRequest((reason) => void stop(reason));
const database = await opening;
// A server without its database would only answer 503: a stopped cluster stops Tessera too.
database.whenStopping(() => void stop('The private PostgreSQL cluster stopped'));
const config = readConfig({ ...process.env, DATABASE_URL: database.url });
const pool = createPool({ connectionString: config.DATABASE_URL, statementTimeoutMs: config.STATEMENT_TIMEOUT_MS, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, max: config.DATABASE_POOL_SIZE });
const changes = new ChangeFeed(pool);
serving = { pool, changes };

try {
  const migrations = await migrate(pool);
  console.log(`Migrations: ${migrations.applied.length} applied, ${migrations.total} in all.`);
  const demo = await loadDemoIfEmpty(pool);
  console.log(demo ? `Demo site loaded: ${JSON.stringify(demo)}` : 'The database already holds a site: demo not reloaded.');
  await buildWebIfStale();
  if (!stopping) {
    // Express calls back on an error too (a port in use): the private cluster must not be left running then.
    serving.server = makeApp({ pool, changes }).listen(config.PORT, (error) => {
      if (error) return void stop(`Tessera could not listen on port ${config.PORT} (${error.message})`, 1);
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      console.log(`\nTessera is ready in ${seconds} s: http://localhost:${config.PORT}`);
      console.log(`Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((account) => `${account.email} (${account.role})`).join(', ')}`);
      console.log('Stop with Ctrl-C (or SIGTERM).');
    });
  }
} catch (error) {
  // A stop in progress ends the pool under the set-up's feet: that error is the stop's, not a failure.
  if (!stopping) {
    console.error(`Tessera could not start: ${(error as Error).message}`);
    await pool.end().catch(() => undefined);
    await database.stop();
    process.exit(1);
  }
}
