import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { makeApp } from '../../server/app.js';
import { ChangeFeed } from '../../server/changes/change-feed.js';
import { migrate } from '../../server/db/migrate.js';
import { createPool } from '../../server/db/pool.js';
import { loadDemo } from '../../server/demo/load-demo.js';
import { buildWebIfStale } from '../../scripts/lib/build-web.js';
import { ensureChromium } from '../../scripts/lib/system-packages.js';
import { databaseUrl, dropDatabase, onServer } from '../support/test-database.js';

// One database per run, so that two runs on one server (two developers, a developer and CI) never meet.
const DATABASE = `tessera_e2e_${process.pid}`;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

/** Serves the built app on the demo site for the browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = await ensureChromium();
  await dropDatabase(DATABASE);
  await onServer((client) => client.query(`create database ${DATABASE}`));
  const pool = createPool({ connectionString: databaseUrl(DATABASE), max: 6 });
  await migrate(pool);
  await loadDemo(pool);
  await buildWebIfStale();
  const changes = new ChangeFeed(pool);
  const server: Server = makeApp({ pool, changes }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('chromiumPath', chromiumPath);
  return async () => {
    await changes.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await pool.end();
    await dropDatabase(DATABASE);
  };
}
