import type { Server } from 'node:http';
import type pg from 'pg';
import type { ChangeFeed } from './changes/change-feed.js';

/** Longest wait for each step of a stop, so that a stuck connection cannot hold the process. */
const STEP_TIMEOUT_MS = 3000;

/** What serves Tessera: the HTTP server (absent until it listens), the change feed and the pool. */
export interface Serving {
  server?: Server;
  changes: ChangeFeed;
  pool: pg.Pool;
}

/** Resolves when the work settles or after `milliseconds`, whichever comes first. */
function settleWithin(work: Promise<unknown>, milliseconds: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds);
    void work.catch(() => undefined).finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Stops serving: the change feed first (its SSE streams end, so browsers do not hold the server
 * open), then the listening socket and every HTTP connection, then the pool.
 */
export async function stopServing({ server, changes, pool }: Serving): Promise<void> {
  await settleWithin(changes.stop(), STEP_TIMEOUT_MS);
  if (server) {
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    await settleWithin(closed, STEP_TIMEOUT_MS);
  }
  // A request still running keeps its client; past the bound, the database's own stop ends it.
  await settleWithin(pool.end(), STEP_TIMEOUT_MS);
}
