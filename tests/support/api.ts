import type pg from 'pg';
import { makeApp, type AppOptions } from '../../server/app.js';
import { DEMO_PASSWORD } from '../../server/demo/load-demo.js';
import type { AddressInfo } from 'node:net';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text, for malformed JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A running makeApp() and a fetch-based client for it, with an optional signed-in identity. */
export class TestApi {
  private constructor(
    readonly baseUrl: string,
    private readonly closeServer: () => Promise<void>,
  ) {}

  /** Serves makeApp() on a free loopback port. */
  static async start(pool: pg.Pool, options: Omit<AppOptions, 'pool'> = {}): Promise<TestApi> {
    const server = makeApp({ pool, webRoot: null, ...options }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestApi(`http://127.0.0.1:${port}`, () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
  }

  close(): Promise<void> {
    return this.closeServer();
  }

  /** Sends one request; `as` is a cookie header or a Bearer token of the caller. */
  async call<T = Record<string, unknown>>(method: string, path: string, as: Caller | null = null, options: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (as?.cookie) headers.cookie = as.cookie;
    if (as?.token) headers.authorization = `Bearer ${as.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Signs in with a demo account's password; returns the caller with its session cookie. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<Caller> {
    const answer = await this.call('POST', '/api/session', null, { body: { email, password } });
    if (answer.status !== 201) throw new Error(`sign-in of ${email} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return { cookie: sessionCookie(answer.headers) };
  }
}

/** Who sends a request: a session cookie or an API token. */
export interface Caller {
  cookie?: string;
  token?: string;
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookie(headers: Headers): string {
  const setCookie = headers.getSetCookie().find((cookie) => cookie.startsWith('tessera_session='));
  if (!setCookie) throw new Error('no session cookie was set');
  return setCookie.split(';')[0]!;
}
