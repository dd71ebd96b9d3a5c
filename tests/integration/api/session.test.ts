import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { sessionCookie, TestApi } from '../../support/api.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('sessions and API tokens', () => {
  let database: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    api = await TestApi.start(database.pool, { session: { loginAttempts: 1000 } });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('signs in with an HttpOnly SameSite=Lax cookie and says who I am, with my roles', async () => {
    const answer = await api.call('POST', '/api/session', null, { body: { email: 'COORDINATION@tessera.demo', password: 'tessera-demo' } });
    expect(answer.status).toBe(201);
    const setCookie = answer.headers.getSetCookie()[0]!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await api.call<{ email: string; roles: Array<{ role: string }> }>('GET', '/api/session', { cookie: sessionCookie(answer.headers) });
    expect(me.body.email).toBe('coordination@tessera.demo');
    expect(me.body.roles.map((role) => role.role)).toEqual(['coordinator']);
  });

  it('answers 200 and null, not an error, to an anonymous caller or an unknown session cookie', async () => {
    const anonymous = await api.call('GET', '/api/session');
    expect([anonymous.status, anonymous.body, anonymous.headers.get('content-type')]).toEqual([200, null, expect.stringMatching(/^application\/json/)]);
    const unknown = await api.call('GET', '/api/session', { cookie: 'tessera_session=never-issued' });
    expect([unknown.status, unknown.body]).toEqual([200, null]);
    const signedIn = await api.signIn('elu@tessera.demo');
    expect((await api.call<{ email: string }>('GET', '/api/session', signedIn)).body.email).toBe('elu@tessera.demo');
    expect((await api.call('DELETE', '/api/session', signedIn)).status).toBe(204);
    expect((await api.call('GET', '/api/session', signedIn)).body).toBeNull();
  });

  it('gives a new session id at each login and ends the previous one', async () => {
    const first = await api.signIn('elu@tessera.demo');
    const again = await api.call('POST', '/api/session', first, { body: { email: 'elu@tessera.demo', password: 'tessera-demo' } });
    const second = sessionCookie(again.headers);
    expect(second).not.toBe(first.cookie);
    const ended = await api.call('GET', '/api/session', first);
    expect([ended.status, ended.body]).toEqual([200, null]);
    expect((await api.call('GET', '/api/session', { cookie: second })).status).toBe(200);
  });

  it('ends the session at logout', async () => {
    const caller = await api.signIn('projet@tessera.demo');
    expect((await api.call('DELETE', '/api/session', caller)).status).toBe(204);
    const after = await api.call('GET', '/api/session', caller);
    expect([after.status, after.body]).toEqual([200, null]);
    const write = await api.call('POST', '/api/tokens', caller, { body: { name: 'après la fin' } });
    expect([write.status, write.body.code]).toEqual([401, 'unauthenticated']);
  });

  it('refuses a wrong password (401) and a malformed body (400), with the field', async () => {
    const wrong = await api.call('POST', '/api/session', null, { body: { email: 'elu@tessera.demo', password: 'nope' } });
    expect([wrong.status, wrong.body.code, wrong.body.field]).toEqual([401, 'invalid_credentials', 'body.password']);
    const malformed = await api.call('POST', '/api/session', null, { body: { email: 'not-an-email', password: 'x' } });
    expect([malformed.status, malformed.body.field]).toEqual([400, 'body.email']);
    const extra = await api.call('POST', '/api/session', null, { body: { email: 'elu@tessera.demo', password: 'x', admin: true } });
    expect(extra.status).toBe(400);
    const notJson = await api.call('POST', '/api/session', null, { rawBody: '{"email":' });
    expect([notJson.status, notJson.body.code]).toEqual([400, 'malformed_json']);
  });

  it('stores sessions and tokens hashed, never the secret', async () => {
    const caller = await api.signIn('admin@tessera.demo');
    const secret = caller.cookie!.split('=')[1]!;
    const sessions = await database.pool.query('select id_hash from sessions');
    expect(sessions.rows.map((row) => row.id_hash)).not.toContain(secret);
    const token = await api.call<{ token: string }>('POST', '/api/tokens', caller, { body: { name: 'QGIS' } });
    const tokens = await database.pool.query('select token_hash from api_tokens');
    expect(tokens.rows.map((row) => row.token_hash)).not.toContain(token.body.token);
  });

  it('lets a token act for its owner until it is revoked', async () => {
    const owner = await api.signIn('coordination@tessera.demo');
    const created = await api.call<{ id: string; token: string }>('POST', '/api/tokens', owner, { body: { name: 'script de recette' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^tsr_/);
    const viaToken = await api.call<{ email: string }>('GET', '/api/session', { token: created.body.token });
    expect(viaToken.body.email).toBe('coordination@tessera.demo');
    const listed = await api.call<Array<{ id: string; token?: string }>>('GET', '/api/tokens', owner);
    expect(listed.body.map((token) => token.id)).toContain(created.body.id);
    expect(listed.body.every((token) => token.token === undefined)).toBe(true);
    const other = await api.signIn('elu@tessera.demo');
    expect((await api.call('DELETE', `/api/tokens/${created.body.id}`, other)).status).toBe(404);
    expect((await api.call('DELETE', `/api/tokens/${created.body.id}`, owner)).status).toBe(204);
    const revoked = await api.call('GET', '/api/session', { token: created.body.token });
    expect([revoked.status, revoked.body.code]).toEqual([401, 'unauthenticated']);
  });

  it('needs a signed-in caller to manage tokens', async () => {
    expect((await api.call('GET', '/api/tokens')).status).toBe(401);
    expect((await api.call('POST', '/api/tokens', null, { body: { name: 'x' } })).status).toBe(401);
  });
});

describe('login rate limiting', () => {
  let database: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    api = await TestApi.start(database.pool, { session: { loginAttempts: 3 } });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('answers 429 after too many attempts, even with the right password', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const answer = await api.call('POST', '/api/session', null, { body: { email: 'elu@tessera.demo', password: `guess-${attempt}` } });
      expect(answer.status).toBe(401);
    }
    const blocked = await api.call('POST', '/api/session', null, { body: { email: 'elu@tessera.demo', password: 'tessera-demo' } });
    expect([blocked.status, blocked.body.code]).toEqual([429, 'too_many_attempts']);
  });

  it('does not count successful sign-ins: a team behind one address is not locked out', async () => {
    const office = await TestApi.start(database.pool, { session: { loginAttempts: 3 } });
    try {
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const answer = await office.call('POST', '/api/session', null, { body: { email: 'elu@tessera.demo', password: 'tessera-demo' } });
        expect(answer.status).toBe(201);
      }
      for (let attempt = 0; attempt < 3; attempt += 1) {
        expect((await office.call('POST', '/api/session', null, { body: { email: 'elu@tessera.demo', password: `guess-${attempt}` } })).status).toBe(401);
      }
      expect((await office.call('POST', '/api/session', null, { body: { email: 'elu@tessera.demo', password: 'tessera-demo' } })).status).toBe(429);
    } finally {
      await office.close();
    }
  });
});
