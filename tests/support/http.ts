import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { makeApp } from '../../server/app.js';

export interface RunningApp {
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves makeApp() on a free loopback port for a test file. */
export async function startApp(pool: pg.Pool): Promise<RunningApp> {
  const server = makeApp({ pool, webRoot: null }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** GET a path and parse the JSON answer. */
export async function getJson<T = unknown>(app: RunningApp, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(app.baseUrl + path);
  return { status: response.status, body: (await response.json()) as T };
}
