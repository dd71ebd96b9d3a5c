import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi, type Caller } from '../../support/api.js';
import { parcelFeature, readDemoSite, squareNear, type DemoSite } from '../../support/demo-site.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

interface Feature {
  id: string;
  geometry: { type: string; coordinates: number[][][][] };
  properties: Record<string, unknown> & { version: number; label: string };
}

describe('versioned parcel edits', () => {
  let database: TestDatabase;
  let api: TestApi;
  let demo: DemoSite;
  let first: Caller;
  let second: Caller;
  let step = 0;

  /** Creates a parcel as the first coordinator, each in its own place. */
  async function createParcel(label = 'Allée du test'): Promise<Feature> {
    step += 1;
    const answer = await api.call<Feature>('POST', `/api/sites/${demo.siteId}/parcels`, first, {
      body: parcelFeature(squareNear(demo.inside, step), demo.organisationIds.Ville!, { label }),
    });
    expect(answer.status).toBe(201);
    return answer.body;
  }

  async function historyOf(id: string) {
    return (await api.call<Array<{ version: number; change: string; feature: Feature }>>('GET', `/api/parcels/${id}/history`, first)).body;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    demo = await readDemoSite(database.pool);
    api = await TestApi.start(database.pool);
    first = await api.signIn('coordination@tessera.demo');
    second = await api.signIn('admin@tessera.demo');
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('creates a parcel at version 1 with an ETag, a counter-clockwise MultiPolygon and a history row', async () => {
    const created = await createParcel();
    expect(created.properties.version).toBe(1);
    expect(created.geometry.type).toBe('MultiPolygon');
    const read = await api.call<Feature>('GET', `/api/parcels/${created.id}`, null);
    expect(read.headers.get('etag')).toBe('"1"');
    expect((await historyOf(created.id)).map((entry) => entry.change)).toEqual(['create']);
  });

  it('needs If-Match to change or delete: 428 without, 409 with the current Feature when stale', async () => {
    const created = await createParcel();
    const missing = await api.call('PATCH', `/api/parcels/${created.id}`, first, { body: { properties: { label: 'x' } } });
    expect([missing.status, missing.body.code]).toEqual([428, 'precondition_required']);
    const updated = await api.call<Feature>('PATCH', `/api/parcels/${created.id}`, first, { body: { properties: { label: 'Cour A' } }, headers: { 'if-match': '"1"' } });
    expect([updated.status, updated.body.properties.version, updated.body.properties.label]).toEqual([200, 2, 'Cour A']);
    const stale = await api.call<{ code: string; current: Feature }>('DELETE', `/api/parcels/${created.id}`, first, { headers: { 'if-match': '"1"' } });
    expect([stale.status, stale.body.code, stale.body.current.properties.version]).toEqual([409, 'version_conflict', 2]);
    expect((await api.call('GET', `/api/parcels/${created.id}`, first)).status).toBe(200);
  });

  it('two editors, one parcel: the second save gets 409 with the first edit, which stays intact', async () => {
    const created = await createParcel('Avant');
    const [versionSeenByBoth] = [created.properties.version];
    const byFirst = await api.call<Feature>('PATCH', `/api/parcels/${created.id}`, first, { body: { properties: { label: 'Édité par A' } }, headers: { 'if-match': `"${versionSeenByBoth}"` } });
    expect(byFirst.status).toBe(200);
    const bySecond = await api.call<{ code: string; current: Feature }>('PATCH', `/api/parcels/${created.id}`, second, { body: { properties: { label: 'Édité par B' } }, headers: { 'if-match': `"${versionSeenByBoth}"` } });
    expect(bySecond.status).toBe(409);
    expect(bySecond.body.current.properties.label).toBe('Édité par A');
    const stored = await database.pool.query('select label, version from parcels where id = $1', [created.id]);
    expect(stored.rows[0]).toEqual({ label: 'Édité par A', version: 2 });
    expect((await historyOf(created.id)).map((entry) => entry.version)).toEqual([1, 2]);
  });

  it('concurrent saves of one version: exactly one wins, the other gets 409, no update is lost', async () => {
    const created = await createParcel();
    const saves = await Promise.all(
      ['A', 'B', 'C', 'D'].map((name, index) =>
        api.call('PATCH', `/api/parcels/${created.id}`, index % 2 ? second : first, { body: { properties: { label: name } }, headers: { 'if-match': '"1"' } }),
      ),
    );
    expect(saves.map((save) => save.status).sort()).toEqual([200, 409, 409, 409]);
    const stored = (await database.pool.query('select label, version from parcels where id = $1', [created.id])).rows[0];
    expect(stored.version).toBe(2);
    expect(['A', 'B', 'C', 'D'][saves.findIndex((save) => save.status === 200)]).toBe(stored.label);
  });

  it('delete versus update: once deleted, a save answers 410 and the history keeps every version', async () => {
    const created = await createParcel();
    expect((await api.call('DELETE', `/api/parcels/${created.id}`, first, { headers: { 'if-match': '"1"' } })).status).toBe(204);
    const late = await api.call('PATCH', `/api/parcels/${created.id}`, second, { body: { properties: { label: 'trop tard' } }, headers: { 'if-match': '"1"' } });
    expect([late.status, late.body.code]).toEqual([410, 'parcel_deleted']);
    expect((await api.call('GET', `/api/parcels/${created.id}`, first)).status).toBe(404);
    expect((await historyOf(created.id)).map((entry) => entry.change)).toEqual(['create', 'delete']);
  });

  it('restores any version: of a live parcel as a new version, of a deleted one under the same id', async () => {
    const created = await createParcel('Version 1');
    await api.call('PATCH', `/api/parcels/${created.id}`, first, { body: { properties: { label: 'Version 2' } }, headers: { 'if-match': '"1"' } });
    const restored = await api.call<Feature>('POST', `/api/parcels/${created.id}/restore`, first, { body: { version: 1 } });
    expect([restored.status, restored.body.properties.version, restored.body.properties.label]).toEqual([200, 3, 'Version 1']);
    await api.call('DELETE', `/api/parcels/${created.id}`, first, { headers: { 'if-match': '"3"' } });
    const revived = await api.call<Feature>('POST', `/api/parcels/${created.id}/restore`, first, { body: { version: 2 } });
    expect([revived.status, revived.body.id, revived.body.properties.label, revived.body.properties.version]).toEqual([200, created.id, 'Version 2', 5]);
    expect((await historyOf(created.id)).map((entry) => `${entry.version}:${entry.change}`)).toEqual(['1:create', '2:update', '3:restore', '4:delete', '5:restore']);
    const unknownVersion = await api.call('POST', `/api/parcels/${created.id}/restore`, first, { body: { version: 42 } });
    expect(unknownVersion.status).toBe(404);
  });

  it('a retried create with the same Idempotency-Key answers the first result and writes once', async () => {
    step += 1;
    const body = parcelFeature(squareNear(demo.inside, step), demo.organisationIds.Bailleur!);
    const headers = { 'idempotency-key': 'create-cour-b-2026-11-29' };
    const before = (await database.pool.query('select count(*)::int as count from parcels')).rows[0].count;
    const once = await api.call<Feature>('POST', `/api/sites/${demo.siteId}/parcels`, first, { body, headers });
    const again = await api.call<Feature>('POST', `/api/sites/${demo.siteId}/parcels`, first, { body, headers });
    expect([once.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(once.body.id);
    expect((await database.pool.query('select count(*)::int as count from parcels')).rows[0].count).toBe(before + 1);
    const other = await api.call('POST', `/api/sites/${demo.siteId}/parcels`, first, { body: { ...body, properties: { ...body.properties, label: 'autre' } }, headers });
    expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
  });

  it('imports all or nothing, reports every fault, and replays a retried import', async () => {
    const features = Array.from({ length: 6 }, (_, index) => parcelFeature(squareNear(demo.inside, 40 + index), demo.organisationIds.Ville!));
    const broken = [...features];
    broken[2] = { ...features[2]!, properties: { ...features[2]!.properties, services: ['inconnu'] } };
    broken[4] = { ...features[4]!, geometry: { type: 'Polygon', coordinates: [[[2.47, 48.9], [2.48, 48.91], [2.48, 48.9], [2.47, 48.91], [2.47, 48.9]]] } as never };
    const count = async () => (await database.pool.query('select count(*)::int as count from parcels')).rows[0].count;
    const before = await count();
    const refused = await api.call<{ code: string; accepted: number; rejected: Array<{ index: number; code: string }> }>('POST', `/api/sites/${demo.siteId}/parcels/import`, first, { body: { type: 'FeatureCollection', features: broken } });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.accepted).toBe(4);
    expect(refused.body.rejected.map((fault) => [fault.index, fault.code])).toEqual([[2, 'unknown_service'], [4, 'self_intersection']]);
    expect(await count()).toBe(before);
    const dryRun = await api.call('POST', `/api/sites/${demo.siteId}/parcels/import?dryRun=true`, first, { body: { type: 'FeatureCollection', features } });
    expect([dryRun.status, dryRun.body.accepted]).toEqual([200, 6]);
    expect(await count()).toBe(before);
    const headers = { 'idempotency-key': 'import-qgis-1' };
    const imported = await api.call<{ ids: string[] }>('POST', `/api/sites/${demo.siteId}/parcels/import`, first, { body: { type: 'FeatureCollection', features }, headers });
    const retried = await api.call<{ ids: string[] }>('POST', `/api/sites/${demo.siteId}/parcels/import`, first, { body: { type: 'FeatureCollection', features }, headers });
    expect([imported.status, retried.status]).toEqual([201, 201]);
    expect(retried.body.ids).toEqual(imported.body.ids);
    expect(await count()).toBe(before + 6);
    const versions = await database.pool.query("select count(*)::int as count from parcel_versions where parcel_id = any($1) and change = 'create'", [imported.body.ids]);
    expect(versions.rows[0].count).toBe(6);
  });
});
