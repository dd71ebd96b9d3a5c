// Serves Tessera on an existing, migrated database (DATABASE_URL): what `npm start` runs after its
// set-up, and what a deployment runs. SIGINT or SIGTERM closes the change feed, the server and the pool.
import { makeApp } from './app.js';
import { ChangeFeed } from './changes/change-feed.js';
import { readConfig } from './config.js';
import { createPool } from './db/pool.js';
import { stopServing } from './stop-serving.js';

const config = readConfig();
const pool = createPool({
  connectionString: config.DATABASE_URL,
  statementTimeoutMs: config.STATEMENT_TIMEOUT_MS,
  connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  max: config.DATABASE_POOL_SIZE,
});
const changes = new ChangeFeed(pool);
// Express calls back on an error too (a port in use).
const server = makeApp({ pool, changes }).listen(config.PORT, (error) => {
  if (error) {
    console.error(`Tessera could not listen on port ${config.PORT}: ${error.message}`);
    process.exit(1);
  }
  const address = server.address();
  console.log(`Tessera listening on port ${typeof address === 'object' && address ? address.port : config.PORT}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopServing({ server, changes, pool }).then(() => process.exit(0)));
}
