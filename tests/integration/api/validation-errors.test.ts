import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { ERROR_CODES } from '../../../server/http/errors.js';
import { TestApi, type Caller } from '../../support/api.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

// A request that fails validation answers every zod issue in `errors`, each with its field, and the
// first one at the top level as before; every code is one of the catalogue's, and nothing is written.

interface ValidationBody {
  code: string;
  message: string;
  field: string;
  errors: Array<{ code: string; message: string; field: string }>;
}

const catalogue = new Set<string>(Object.values(ERROR_CODES));

/** The answer's faulty fields, sorted (zod's order of issues is not part of the contract). */
const fieldsOf = (body: ValidationBody) => body.errors.map((error) => error.field).sort();

/** The first fault is the top-level one, and every code is the catalogue's `invalid_request`. */
function expectConsistent(body: ValidationBody): void {
  const { code, message, field } = body;
  expect({ code, message, field }).toEqual(body.errors[0]);
  for (const error of body.errors) {
    expect(catalogue.has(error.code)).toBe(true);
    expect(error.code).toBe(ERROR_CODES.invalidRequest);
    expect(error.message.length).toBeGreaterThan(0);
  }
}

describe('validation errors', () => {
  let database: TestDatabase;
  let api: TestApi;
  let admin: Caller;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    api = await TestApi.start(database.pool, { session: { loginAttempts: 1000 } });
    admin = await api.signIn('admin@tessera.demo');
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('lists both faults of a sign-in with a bad e-mail and an empty password, the same answer each time', async () => {
    const answers = [];
    for (let attempt = 0; attempt < 2; attempt += 1) {
      answers.push(await api.call<ValidationBody>('POST', '/api/session', null, { body: { email: 'pas-une-adresse', password: '' } }));
    }
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual(['body.email', 'body.password']);
      expectConsistent(answer.body);
    }
    expect(answers[1]!.body).toEqual(answers[0]!.body);
  });

  it('lists every fault of a new site, an unknown member included, and creates nothing', async () => {
    const count = async () => Number((await database.pool.query<{ count: string }>('select count(*) from sites')).rows[0]!.count);
    const before = await count();
    const answer = await api.call<ValidationBody>('POST', '/api/sites', admin, {
      body: { name: '', commune: '', perimeter: null, tolerance: -1, srid: 'lambert', colour: 'vert' },
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['body', 'body.commune', 'body.name', 'body.srid', 'body.tolerance']);
    expectConsistent(answer.body);
    expect(answer.body.errors.find((error) => error.field === 'body')!.message).toMatch(/colour/);
    expect(await count()).toBe(before);
  });

  it('still answers a single fault as a list of one, and the valid request afterwards goes through', async () => {
    const caller = await api.signIn('coordination@tessera.demo');
    const refused = await api.call<ValidationBody>('POST', '/api/tokens', caller, { body: { name: '' } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.field).toBe('body.name');
    expectConsistent(refused.body);
    const accepted = await api.call('POST', '/api/tokens', caller, { body: { name: 'après la faute' } });
    expect(accepted.status).toBe(201);
  });
});
