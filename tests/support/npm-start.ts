import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../server/project-root.js';
import { EventStreamReader } from './event-stream.js';

const READY_TIMEOUT_MS = 90_000;
const POLL_MS = 20;

/** A port nobody listens on now (the system picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** True while something accepts TCP connections on the port. */
export function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** True while a postgres process serves this data directory, or its postmaster.pid is there. */
export function postgresIsRunning(dataDir: string): boolean {
  if (existsSync(join(dataDir, 'postmaster.pid'))) return true;
  const commands = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' }).split('\n');
  return commands.some((command) => command.includes('postgres') && command.includes(`-D ${dataDir}`));
}

/** Polls `check` until it is true; resolves with the milliseconds since `since`, or null at the deadline. */
export async function millisecondsUntil(check: () => boolean | Promise<boolean>, since: number, timeoutMs: number): Promise<number | null> {
  while (performance.now() - since < timeoutMs) {
    if (await check()) return Math.round(performance.now() - since);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return null;
}

/** One `npm start` run: npm's process, its child (node scripts/bootstrap.mjs), the output so far. */
export interface NpmStart {
  npm: ChildProcess;
  nodePid: number;
  port: number;
  output: () => string;
  /** Resolves with npm's exit code (or signal name) once it exited. */
  exited: Promise<number | string>;
}

/** The environment of a user's shell: without the test runner's own variables (NODE_ENV=test would change the web build). */
function userEnvironment(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name === 'NODE_ENV' || name.startsWith('VITEST') || name.startsWith('npm_')) continue;
    environment[name] = value;
  }
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete environment[name];
    else environment[name] = value;
  }
  return environment;
}

/** Spawns `npm start` as a user would; resolves once `GET /api/health` answers 200. */
export async function startNpm(environment: Record<string, string | undefined>): Promise<NpmStart> {
  const port = await freePort();
  let output = '';
  const npm = spawn('npm', ['start'], { cwd: projectRoot, env: userEnvironment({ ...environment, PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => npm.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const started = performance.now();
  let healthy = false;
  while (!healthy && performance.now() - started < READY_TIMEOUT_MS && npm.exitCode === null) {
    healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.ok, () => false);
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!healthy) {
    npm.kill('SIGKILL');
    throw new Error(`npm start did not answer /api/health within ${READY_TIMEOUT_MS} ms:\n${output}`);
  }
  const nodePid = Number(execFileSync('ps', ['-o', 'pid=', '--ppid', String(npm.pid)], { encoding: 'utf8' }).trim());
  return { npm, nodePid, port, output: () => output, exited };
}

/** Opens the change feed of the first public site, as a browser does: a stream that stays open. */
export async function openChangeFeed(port: number): Promise<EventStreamReader> {
  const sites = (await (await fetch(`http://127.0.0.1:${port}/api/sites`)).json()) as Array<{ id: string }>;
  const stream = await EventStreamReader.open(`http://127.0.0.1:${port}/api/sites/${sites[0]!.id}/events`);
  if (stream.status !== 200) throw new Error(`the change feed answered ${stream.status}`);
  return stream;
}
