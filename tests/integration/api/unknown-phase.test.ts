import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi, type Caller } from '../../support/api.js';
import { readDemoSite, type DemoSite } from '../../support/demo-site.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

interface ErrorBody {
  code: string;
  message: string;
  field?: string;
}

/** Every read route that takes a phase, as a path for phase `phase`, with the field that names it. */
function phaseReads(demo: DemoSite, phase: number): Array<{ path: string; field: string }> {
  const site = `/api/sites/${demo.siteId}`;
  const [lon, lat] = demo.inside;
  return [
    { path: `${site}/parcels?phase=${phase}`, field: 'query.phase' },
    { path: `${site}/buildings?phase=${phase}`, field: 'query.phase' },
    { path: `${site}/operations?phase=${phase}`, field: 'query.phase' },
    { path: `${site}/analysis?phase=${phase}&service=nettoiement`, field: 'query.phase' },
    { path: `${site}/compare?from=${phase}&to=0&service=nettoiement`, field: 'query.from' },
    { path: `${site}/compare?from=0&to=${phase}&service=nettoiement`, field: 'query.to' },
    { path: `${site}/who?lon=${lon}&lat=${lat}&phase=${phase}`, field: 'query.phase' },
  ];
}

describe('a phase the site does not have', () => {
  let database: TestDatabase;
  let api: TestApi;
  let demo: DemoSite;
  let admin: Caller;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    api = await TestApi.start(database.pool);
    demo = await readDemoSite(database.pool);
    admin = await api.signIn('admin@tessera.demo');
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('answers 404 phase_not_found with the field on every read route that takes a phase, signed in or not', async () => {
    for (const caller of [null, admin]) {
      for (const { path, field } of phaseReads(demo, 99)) {
        const answer = await api.call<ErrorBody>('GET', path, caller);
        expect([answer.status, answer.body.code, answer.body.field], path).toEqual([404, 'phase_not_found', field]);
        expect(answer.body.message, path).toBe('this site has no phase 99');
      }
    }
  });

  it('answers 200 on the same routes for a phase the site has', async () => {
    for (const { path } of phaseReads(demo, 2)) {
      expect((await api.call('GET', path)).status, path).toBe(200);
    }
  });

  it('follows the phases as they are created and deleted: 404, then 200, then 404 again', async () => {
    const parcelsAt = (phase: number) => api.call<ErrorBody>('GET', `/api/sites/${demo.siteId}/parcels?phase=${phase}`);
    expect((await parcelsAt(3)).status).toBe(404);
    const created = await api.call('POST', `/api/sites/${demo.siteId}/phases`, admin, { body: { ordinal: 3, name: 'Phase 3', kind: 'cible' } });
    expect(created.status).toBe(201);
    for (const { path } of phaseReads(demo, 3)) expect((await api.call('GET', path)).status, path).toBe(200);
    expect((await api.call('DELETE', `/api/sites/${demo.siteId}/phases/3`, admin)).status).toBe(204);
    for (const { path, field } of phaseReads(demo, 3)) {
      const answer = await api.call<ErrorBody>('GET', path);
      expect([answer.status, answer.body.code, answer.body.field], path).toEqual([404, 'phase_not_found', field]);
    }
  });

  it('answers 404 phase_not_found on params.ordinal when changing or deleting an unknown phase, and changes nothing', async () => {
    const before = (await database.pool.query('select ordinal, name from phases order by ordinal')).rows;
    const renamed = await api.call<ErrorBody>('PATCH', `/api/sites/${demo.siteId}/phases/42`, admin, { body: { name: 'Nulle part' } });
    expect([renamed.status, renamed.body.code, renamed.body.field]).toEqual([404, 'phase_not_found', 'params.ordinal']);
    const deleted = await api.call<ErrorBody>('DELETE', `/api/sites/${demo.siteId}/phases/42`, admin);
    expect([deleted.status, deleted.body.code, deleted.body.field]).toEqual([404, 'phase_not_found', 'params.ordinal']);
    expect((await database.pool.query('select ordinal, name from phases order by ordinal')).rows).toEqual(before);
  });

  it('still answers not_found for a site the caller may not read, whatever the phase (no leak)', async () => {
    await database.pool.query('update sites set public = false');
    try {
      for (const phase of [0, 99]) {
        for (const { path } of phaseReads(demo, phase)) {
          const answer = await api.call<ErrorBody>('GET', path);
          expect([answer.status, answer.body.code], path).toEqual([404, 'not_found']);
        }
      }
    } finally {
      await database.pool.query('update sites set public = true');
    }
  });

  it('keeps 400 with the field for a phase that is not a phase number', async () => {
    for (const value of ['-1', 'first', '100']) {
      const answer = await api.call<ErrorBody>('GET', `/api/sites/${demo.siteId}/parcels?phase=${value}`);
      expect([answer.status, answer.body.code, answer.body.field], value).toEqual([400, 'invalid_request', 'query.phase']);
    }
  });
});
