import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onServer, type TestDatabase } from '../../support/test-database.js';
import { millisecondsUntil, openChangeFeed, portIsOpen, postgresIsRunning, startNpm, type NpmStart } from '../../support/npm-start.js';

/** What the service managers allow: systemd's and docker's default stop timeouts are 90 s and 10 s. */
const STOP_WITHIN_MS = 10_000;
/** A first start creates the cluster, migrates, loads the demo and may build the web app: slow on a busy machine. */
const START_AND_STOP_TIMEOUT_MS = 150_000;

type Target = 'npm' | 'node';

// A failed test must not leave a server behind: npm is killed, and its children stop by themselves.
const runs: NpmStart[] = [];
afterEach(() => {
  for (const run of runs.splice(0)) if (run.npm.exitCode === null && run.npm.signalCode === null) run.npm.kill('SIGKILL');
});

/** Starts `npm start` and remembers it for the clean-up. */
async function start(environment: Record<string, string | undefined>): Promise<NpmStart> {
  const run = await startNpm(environment);
  runs.push(run);
  return run;
}

/** Sends the signal to npm's PID or to its child's (node scripts/bootstrap.mjs), then times the stop. */
async function signalAndTime(run: NpmStart, signal: NodeJS.Signals, target: Target, stopped: () => boolean | Promise<boolean>) {
  const feed = await openChangeFeed(run.port);
  const since = performance.now();
  process.kill(target === 'npm' ? run.npm.pid! : run.nodePid, signal);
  const portClosed = await millisecondsUntil(async () => !(await portIsOpen(run.port)), since, STOP_WITHIN_MS);
  const databaseLet = await millisecondsUntil(stopped, since, STOP_WITHIN_MS);
  const npmExited = await millisecondsUntil(() => run.npm.exitCode !== null || run.npm.signalCode !== null, since, STOP_WITHIN_MS);
  feed.close();
  console.log(`${signal} to ${target}'s PID: port closed after ${portClosed} ms, database let go after ${databaseLet} ms, npm exited after ${npmExited} ms`);
  return { portClosed, databaseLet, npmExited, exitCode: npmExited === null ? 'still running' : await run.exited };
}

describe('npm start with the private cluster, stopped by a signal', () => {
  let clusterDir: string;
  let dataDir: string;
  beforeAll(() => {
    // A cluster of its own, so that a developer's `npm start` in this folder is never touched.
    clusterDir = mkdtempSync(join(tmpdir(), 'tessera-stop-'));
    chmodSync(clusterDir, 0o755);
    dataDir = join(clusterDir, 'pg');
  });
  afterAll(() => {
    const leftBehind = postgresIsRunning(dataDir);
    // Immediate shutdown of a cluster a failed test left, before its folder goes.
    if (existsSync(join(dataDir, 'postmaster.pid'))) process.kill(Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]), 'SIGQUIT');
    rmSync(clusterDir, { recursive: true, force: true });
    expect(leftBehind).toBe(false);
  });

  // Each start costs seconds; SIGTERM to node's PID takes the same path as SIGINT to it (the bootstrap's handler).
  const cases: Array<[NodeJS.Signals, Target]> = [['SIGTERM', 'npm'], ['SIGINT', 'npm'], ['SIGINT', 'node']];
  it.each(cases)('%s to %s\'s PID stops the server and the cluster within 10 s, and the next start reuses the data', async (signal, target) => {
    const run = await start({ DATABASE_URL: undefined, TESSERA_CLUSTER_DIR: clusterDir });
    expect(postgresIsRunning(dataDir)).toBe(true);
    const stop = await signalAndTime(run, signal, target, () => !postgresIsRunning(dataDir));
    expect(stop).toMatchObject({ portClosed: expect.any(Number), databaseLet: expect.any(Number), npmExited: expect.any(Number), exitCode: 0 });
    expect(run.output()).toContain(`${signal}: stopping Tessera…`);
    expect(run.output()).toContain('Tessera stopped.');
    // Only the first run creates the cluster and loads the demo.
    const firstRun = signal === cases[0]![0] && target === cases[0]![1];
    expect(run.output().includes('demo not reloaded')).toBe(!firstRun);
  }, START_AND_STOP_TIMEOUT_MS);

  it('stops the server and the cluster when npm itself is killed outright (SIGKILL)', async () => {
    const run = await start({ DATABASE_URL: undefined, TESSERA_CLUSTER_DIR: clusterDir });
    const stop = await signalAndTime(run, 'SIGKILL', 'npm', () => !postgresIsRunning(dataDir));
    expect(stop).toMatchObject({ portClosed: expect.any(Number), databaseLet: expect.any(Number), exitCode: 'SIGKILL' });
    expect(await millisecondsUntil(() => !processExists(run.nodePid), performance.now(), STOP_WITHIN_MS)).not.toBeNull();
    // The bootstrap saw npm go and passed SIGTERM on: the same clean stop, not a killed server.
    expect(run.output()).toContain('SIGTERM: stopping Tessera…');
    expect(run.output()).toContain('Tessera stopped.');
  }, START_AND_STOP_TIMEOUT_MS);
});

describe('npm start on DATABASE_URL, stopped by a signal', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
  });
  afterAll(() => database.drop());

  /** True once no connection is left on the server's database (this test holds none: it asks from the maintenance database). */
  async function connectionsClosed(): Promise<boolean> {
    const { rows } = await onServer((client) => client.query('select count(*)::int as count from pg_stat_activity where datname = $1', [database.name]));
    return rows[0].count === 0;
  }

  it('SIGTERM to npm\'s PID closes the port and every database connection within 10 s', async () => {
    const run = await start({ DATABASE_URL: database.url, TESSERA_CLUSTER_DIR: undefined });
    expect(await connectionsClosed()).toBe(false);
    const stop = await signalAndTime(run, 'SIGTERM', 'npm', connectionsClosed);
    expect(stop).toMatchObject({ portClosed: expect.any(Number), databaseLet: expect.any(Number), npmExited: expect.any(Number), exitCode: 0 });
    expect(run.output()).toContain('Demo site loaded');
  }, START_AND_STOP_TIMEOUT_MS);
});

/** True while a process with this PID exists. */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
