import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon, ParcelChangeRequest, ParcelFeature, Position } from '../../../core/index.js';
import { ChangeFeed } from '../../../server/changes/change-feed.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi, type Answer, type Caller } from '../../support/api.js';
import { parcelFeature, readDemoSite, type DemoSite } from '../../support/demo-site.js';
import { EventStreamReader } from '../../support/event-stream.js';
import { createOtherSite, OUTSIDER, readRow } from '../../support/role-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

// POST /api/sites/:siteId/parcels/changes: the editor's gestures that change several parcels at once
// (a shared vertex moved, a split, a merge, their undo and redo), saved all or nothing.

interface ChangesAnswer {
  results: Array<ParcelFeature | null>;
}

interface ErrorAnswer {
  code: string;
  message: string;
  field?: string;
  index?: number;
  current?: ParcelFeature | null;
  location?: Position;
}

interface ChangeData {
  change: string;
  count: number;
  ids?: string[];
  version?: number;
  updatedBy?: string;
}

/** An axis-aligned rectangle, in metres (about) east and north of a point. */
function rectangle([lon, lat]: [number, number], west: number, south: number, east: number, north: number): MultiPolygon {
  const x = (metres: number) => lon + metres * 1.37e-5;
  const y = (metres: number) => lat + metres * 0.9e-5;
  return { type: 'MultiPolygon', coordinates: [[[[x(west), y(south)], [x(east), y(south)], [x(east), y(north)], [x(west), y(north)], [x(west), y(south)]]]] };
}

/** A geometry with every position equal (within 1e-9°) to `from` moved to `to`. */
function withVertexMoved(geometry: MultiPolygon, from: Position, to: Position): MultiPolygon {
  const same = (position: Position) => Math.abs(position[0] - from[0]) < 1e-9 && Math.abs(position[1] - from[1]) < 1e-9;
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map((position) => (same(position) ? to : position)))) };
}

const hasVertex = (geometry: MultiPolygon, [lon, lat]: Position) =>
  geometry.coordinates.flat(2).some(([x, y]) => Math.abs(x - lon) < 1e-9 && Math.abs(y - lat) < 1e-9);

describe('POST /api/sites/:siteId/parcels/changes', () => {
  let database: TestDatabase;
  let feed: ChangeFeed;
  let api: TestApi;
  let demo: DemoSite;
  let otherSiteId: string;
  let coordinator: Caller;
  let coordinatorId: string;
  let project: Caller;
  let viewer: Caller;
  let outsider: Caller;
  let step = 0;
  const streams: EventStreamReader[] = [];

  const organisationId = () => demo.organisationIds.Ville!;
  const send = (changes: unknown[], as: Caller | null = coordinator, siteId = demo.siteId, headers: Record<string, string> = {}) =>
    api.call<ChangesAnswer & ErrorAnswer>('POST', `/api/sites/${siteId}/parcels/changes`, as, { body: { changes }, headers });
  const read = async (id: string) => (await api.call<ParcelFeature>('GET', `/api/parcels/${id}`, coordinator)).body;
  const historyOf = async (id: string) =>
    (await api.call<Array<{ version: number; change: string }>>('GET', `/api/parcels/${id}/history`, coordinator)).body.map((entry) => `${entry.version}:${entry.change}`);
  /** Everything a refused request must leave as it was. */
  const state = () =>
    readRow(database.pool, `select (select count(*)::int from parcels) as parcels, (select count(*)::int from parcel_versions) as versions,
                                   (select sum(version)::int from parcels) as "versionSum", (select max(updated_at) from parcels) as "lastUpdate"`);

  /** The next free 20 m × 20 m cell of a grid south-west of the site's inside point. */
  function nextCell(): MultiPolygon {
    step += 1;
    const [west, south] = [-125 + (step % 10) * 25, -40 - Math.floor(step / 10) * 25];
    return rectangle(demo.inside, west, south, west + 20, south + 20);
  }

  /** A new parcel on the demo site (in a cell of its own unless given a geometry), at version 1. */
  async function createParcel(properties: Record<string, unknown> = {}, geometry: MultiPolygon = nextCell()): Promise<ParcelFeature> {
    const answer = await api.call<ParcelFeature>('POST', `/api/sites/${demo.siteId}/parcels`, coordinator, { body: parcelFeature(geometry, organisationId(), properties) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  }

  /** Sends changes that must be refused, checks that nothing was written, returns the error. */
  async function refused(changes: unknown[], as: Caller | null = coordinator, siteId = demo.siteId): Promise<Answer<ErrorAnswer>> {
    const before = await state();
    const answer = await send(changes, as, siteId);
    expect(await state(), 'nothing was written').toEqual(before);
    return answer;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    demo = await readDemoSite(database.pool);
    otherSiteId = await createOtherSite(database.pool, demo.siteId);
    feed = new ChangeFeed(database.pool, { initialRetryMs: 100, maxRetryMs: 1000 });
    api = await TestApi.start(database.pool, { changes: feed });
    coordinator = await api.signIn('coordination@tessera.demo');
    coordinatorId = (await api.call<{ id: string }>('GET', '/api/session', coordinator)).body.id;
    project = await api.signIn('projet@tessera.demo');
    viewer = await api.signIn('elu@tessera.demo');
    outsider = await api.signIn(OUTSIDER.email, OUTSIDER.password);
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await feed?.stop();
    await api?.close();
    await database?.drop();
  });

  it('moves a vertex shared by 3 demo parcels in one request: each one version up, 3 history rows, the analysis refreshed', async () => {
    const shared = await readRow(database.pool, `
      with points as (select id, (ST_DumpPoints(geom)).geom as point from parcels where site_id = $1 and from_phase = 0 and to_phase is null)
      select ST_X(point) as lon, ST_Y(point) as lat, array_agg(distinct id::text order by id::text) as ids
        from points group by point having count(distinct id) = 3 order by ST_X(point), ST_Y(point) limit 1`, [demo.siteId]);
    const vertex: Position = [shared!.lon as number, shared!.lat as number];
    const moved: Position = [vertex[0] + 0.000003, vertex[1] + 0.000002];
    const parcels = await Promise.all((shared!.ids as string[]).map(read));
    const summary = () => database.pool.query<{ phase: number; service: string; gapArea: number; overlapArea: number; computedAt: Date }>(
      `select phase, service, gap_area as "gapArea", overlap_area as "overlapArea", computed_at as "computedAt"
         from analysis_summary where site_id = $1 and service = any($2) order by phase, service`, [demo.siteId, [...new Set(parcels.flatMap((parcel) => parcel.properties.services))]]);
    const analysisBefore = (await summary()).rows;
    const versionsBefore = (await state())!.versions as number;

    const answer = await send(parcels.map((parcel) => ({ action: 'update', id: parcel.id, version: parcel.properties.version, geometry: withVertexMoved(parcel.geometry, vertex, moved) })));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.results.map((result) => [result!.id, result!.properties.version])).toEqual(parcels.map((parcel) => [parcel.id, parcel.properties.version + 1]));
    for (const result of answer.body.results) {
      expect(hasVertex(result!.geometry, moved) && !hasVertex(result!.geometry, vertex), `${result!.id} has the moved vertex`).toBe(true);
      expect(await read(result!.id), 'the answer is the parcel as GET /parcels/:id returns it').toEqual(result);
    }
    expect((await state())!.versions).toBe(versionsBefore + 3);
    for (const parcel of parcels) expect((await historyOf(parcel.id)).at(-1)).toBe(`${parcel.properties.version + 1}:update`);

    // Refreshed in the same transaction, and equal to a full recomputation (rolled back).
    const analysisAfter = (await summary()).rows;
    analysisAfter.forEach((row, index) => expect(row.computedAt.getTime(), `${row.phase} ${row.service}`).toBeGreaterThan(analysisBefore[index]!.computedAt.getTime()));
    const client = await database.pool.connect();
    try {
      await client.query('begin');
      await client.query('select analysis_recompute_site($1)', [demo.siteId]);
      const full = (await client.query('select phase, service, gap_area as "gapArea", overlap_area as "overlapArea" from analysis_summary where site_id = $1 and service = any($2) order by phase, service', [
        demo.siteId, analysisAfter.map((row) => row.service),
      ])).rows;
      full.forEach((reference, index) => {
        for (const total of ['gapArea', 'overlapArea'] as const) {
          expect(Math.abs(analysisAfter[index]![total] - reference[total]), `${reference.phase} ${reference.service} ${total}`).toBeLessThanOrEqual(1e-5 * Math.max(1, reference[total]));
        }
      });
    } finally {
      await client.query('rollback');
      client.release();
    }
  });

  it('splits a parcel (an update and a creation) and undoes it (a deletion and a restore)', async () => {
    const parcel = await createParcel({ label: 'À couper', services: ['nettoiement', 'voirie'] });
    const ring = parcel.geometry.coordinates[0]![0]!;
    const [west, east] = [Math.min(...ring.map(([lon]) => lon)), Math.max(...ring.map(([lon]) => lon))];
    const [south, north] = [Math.min(...ring.map(([, lat]) => lat)), Math.max(...ring.map(([, lat]) => lat))];
    const box = (from: number, to: number): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[from, south], [to, south], [to, north], [from, north], [from, south]]]] });
    const middle = (west + east) / 2;
    const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...properties } = parcel.properties;
    const split = await send([
      { action: 'update', id: parcel.id, version: 1, geometry: box(west, middle) },
      { action: 'create', feature: { type: 'Feature', geometry: box(middle, east), properties } },
    ]);
    expect(split.status, JSON.stringify(split.body)).toBe(200);
    const [kept, created] = split.body.results as [ParcelFeature, ParcelFeature];
    expect([kept.id, kept.properties.version, created.properties.version]).toEqual([parcel.id, 2, 1]);
    expect({ ...created.properties, updatedAt: null }).toEqual({ ...kept.properties, version: 1, updatedAt: null });
    expect(await historyOf(parcel.id)).toEqual(['1:create', '2:update']);
    expect(await historyOf(created.id)).toEqual(['1:create']);

    const undo = await send([
      { action: 'delete', id: created.id, version: 1 },
      { action: 'restore', id: parcel.id, version: 1, expectedVersion: 2 },
    ]);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.results[0]).toBeNull();
    expect(undo.body.results[1]!.geometry).toEqual(parcel.geometry);
    expect((await api.call('GET', `/api/parcels/${created.id}`, coordinator)).status).toBe(404);
    expect(await historyOf(parcel.id)).toEqual(['1:create', '2:update', '3:restore']);
    expect(await historyOf(created.id)).toEqual(['1:create', '2:delete']);
  });

  it('merges parcels (an update and deletions) and undoes it (restores of the deleted ones and of the kept one)', async () => {
    // Three parcels side by side north of the inside point, merged into the first.
    const parts = [
      await createParcel({ services: ['nettoiement'] }, rectangle(demo.inside, -60, 60, -35, 80)),
      await createParcel({ services: ['espaces_verts'] }, rectangle(demo.inside, -35, 60, -10, 80)),
      await createParcel({ services: ['voirie'] }, rectangle(demo.inside, -10, 60, 15, 80)),
    ];
    const merged = rectangle(demo.inside, -60, 60, 15, 80);
    const merge = await send([
      { action: 'update', id: parts[0]!.id, version: 1, geometry: merged, properties: { services: ['nettoiement', 'espaces_verts', 'voirie'] } },
      { action: 'delete', id: parts[1]!.id, version: 1 },
      { action: 'delete', id: parts[2]!.id, version: 1 },
    ]);
    expect(merge.status, JSON.stringify(merge.body)).toBe(200);
    expect(merge.body.results.map((result) => result?.properties.version ?? null)).toEqual([2, null, null]);
    expect(merge.body.results[0]!.properties.services).toEqual(['nettoiement', 'espaces_verts', 'voirie']);
    for (const part of parts.slice(1)) {
      expect((await api.call('GET', `/api/parcels/${part.id}`, coordinator)).status).toBe(404);
      expect(await historyOf(part.id)).toEqual(['1:create', '2:delete']);
    }

    // Undo: the deleted parts come back under their ids (expectedVersion: their deletion), the kept one as it was.
    const undo = await send([
      { action: 'restore', id: parts[2]!.id, version: 1, expectedVersion: 2 },
      { action: 'restore', id: parts[1]!.id, version: 1, expectedVersion: 2 },
      { action: 'update', id: parts[0]!.id, version: 2, geometry: parts[0]!.geometry, properties: { services: ['nettoiement'] } },
    ]);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.results.map((result) => [result!.id, result!.properties.version])).toEqual([[parts[2]!.id, 3], [parts[1]!.id, 3], [parts[0]!.id, 3]]);
    for (const [index, part] of parts.entries()) {
      const stored = await read(part.id);
      expect([stored.geometry, stored.properties.services]).toEqual([part.geometry, part.properties.services]);
      expect(await historyOf(part.id)).toEqual(index === 0 ? ['1:create', '2:update', '3:update'] : ['1:create', '2:delete', '3:restore']);
    }

    // Redo: the same merge, at the versions the undo gave.
    const redo = await send([
      { action: 'update', id: parts[0]!.id, version: 3, geometry: merged, properties: { services: ['nettoiement', 'espaces_verts', 'voirie'] } },
      { action: 'delete', id: parts[1]!.id, version: 3 },
      { action: 'delete', id: parts[2]!.id, version: 3 },
    ]);
    expect(redo.status, JSON.stringify(redo.body)).toBe(200);
  });

  it('refuses the whole set when one version is stale: 409 with the parcel as stored and the index, nothing written', async () => {
    const parcels = [await createParcel(), await createParcel(), await createParcel()];
    const changed = await api.call('PATCH', `/api/parcels/${parcels[1]!.id}`, coordinator, { body: { properties: { label: 'Changée ailleurs' } }, headers: { 'if-match': '"1"' } });
    expect(changed.status).toBe(200);
    const answer = await refused(parcels.map((parcel) => ({ action: 'update', id: parcel.id, version: 1, properties: { label: 'Renommée' } })));
    expect([answer.status, answer.body.code, answer.body.field, answer.body.index]).toEqual([409, 'version_conflict', 'changes.1.version', 1]);
    expect([answer.body.current!.id, answer.body.current!.properties.version, answer.body.current!.properties.label]).toEqual([parcels[1]!.id, 2, 'Changée ailleurs']);
    expect((await read(parcels[0]!.id)).properties).toMatchObject({ version: 1, label: 'Parcelle de test' });

    const deletion = await refused([{ action: 'delete', id: parcels[0]!.id, version: 1 }, { action: 'delete', id: parcels[2]!.id, version: 2 }]);
    expect([deletion.status, deletion.body.field, deletion.body.index, deletion.body.current?.properties.version]).toEqual([409, 'changes.1.version', 1, 1]);
  });

  it('concurrent sets over the same parcels, in different orders: one wins, the others get 409, none deadlocks', async () => {
    const parcels = [await createParcel(), await createParcel(), await createParcel()];
    const orders = [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]];
    const answers = await Promise.all(orders.map((order, attempt) =>
      send(order.map((index) => ({ action: 'update', id: parcels[index]!.id, version: 1, properties: { label: `Essai ${attempt}` } })))));
    expect(answers.map((answer) => answer.status).sort(), JSON.stringify(answers.map((answer) => answer.body))).toEqual([200, 409, 409, 409]);
    const winner = answers.findIndex((answer) => answer.status === 200);
    for (const parcel of parcels) expect((await read(parcel.id)).properties).toMatchObject({ version: 2, label: `Essai ${winner}` });
  });

  it('restores a deleted parcel only from its deletion: 409 with no current parcel otherwise, and 410 for a change of a deleted parcel', async () => {
    const parcel = await createParcel();
    expect((await api.call('DELETE', `/api/parcels/${parcel.id}`, coordinator, { headers: { 'if-match': '"1"' } })).status).toBe(204);
    const stale = await refused([{ action: 'restore', id: parcel.id, version: 1, expectedVersion: 1 }]);
    expect([stale.status, stale.body.code, stale.body.field, stale.body.index, stale.body.current]).toEqual([409, 'version_conflict', 'changes.0.expectedVersion', 0, null]);
    const single = await api.call<ErrorAnswer>('POST', `/api/parcels/${parcel.id}/restore`, coordinator, { body: { version: 1 }, headers: { 'if-match': '"1"' } });
    expect([single.status, single.body.field, single.body.current], 'the single route, on the same code path').toEqual([409, 'headers.if-match', null]);
    const gone = await refused([{ action: 'update', id: parcel.id, version: 1, properties: { label: 'x' } }]);
    expect([gone.status, gone.body.code, gone.body.field, gone.body.index]).toEqual([410, 'parcel_deleted', 'changes.0.id', 0]);
    const noSuchVersion = await refused([{ action: 'restore', id: parcel.id, version: 7, expectedVersion: 2 }]);
    expect([noSuchVersion.status, noSuchVersion.body.code, noSuchVersion.body.field]).toEqual([404, 'not_found', 'changes.0.version']);
    const restored = await send([{ action: 'restore', id: parcel.id, version: 1, expectedVersion: 2 }]);
    expect([restored.status, restored.body.results[0]?.properties.version]).toEqual([200, 3]);
  });

  it('refuses the whole set for one bad geometry: 422 with the fault, its place and field in the set, nothing written', async () => {
    const parcel = await createParcel();
    const [lon, lat] = demo.inside;
    const bowtie = { type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.0002, lat + 0.00014], [lon + 0.0002, lat], [lon, lat + 0.00014], [lon, lat]]] };
    const created = await refused([
      { action: 'update', id: parcel.id, version: 1, properties: { label: 'Renommée' } },
      { action: 'create', feature: parcelFeature(bowtie as never, organisationId()) },
    ]);
    expect([created.status, created.body.code, created.body.field, created.body.index]).toEqual([422, 'self_intersection', 'changes.1.feature.geometry.coordinates[0][2]', 1]);
    expect(created.body.location).toEqual([expect.closeTo(lon + 0.0001, 9), expect.closeTo(lat + 0.00007, 9)]);

    const updated = await refused([
      { action: 'create', feature: parcelFeature(rectangle(demo.inside, 0, 0, 20, 20), organisationId()) },
      { action: 'update', id: parcel.id, version: 1, geometry: bowtie },
    ]);
    expect([updated.status, updated.body.code, updated.body.field, updated.body.index]).toEqual([422, 'self_intersection', 'changes.1.geometry.coordinates[0][2]', 1]);
    const unknown = await refused([{ action: 'update', id: parcel.id, version: 1, properties: { organisationId: randomUUID() } }]);
    expect([unknown.status, unknown.body.code, unknown.body.field]).toEqual([422, 'unknown_organisation', 'changes.0.properties.organisationId']);
    const badProperty = await refused([{ action: 'create', feature: parcelFeature(rectangle(demo.inside, 0, 0, 20, 20), organisationId(), { colour: 'red' }) }]);
    expect([badProperty.status, badProperty.body.code, badProperty.body.field]).toEqual([400, 'unknown_property', 'changes.0.feature.properties']);
  });

  it("answers 404 for a parcel of another site as for an unknown id, even to an editor of both sites", async () => {
    await database.pool.query(`insert into site_roles (site_id, user_id, role) select $1, id, 'coordinator' from users where email = 'coordination@tessera.demo'`, [otherSiteId]);
    const elsewhere = await api.call<ParcelFeature>('POST', `/api/sites/${otherSiteId}/parcels`, outsider, { body: parcelFeature(rectangle(demo.inside, 0, 0, 20, 20), organisationId()) });
    expect(elsewhere.status).toBe(201);
    const here = await createParcel();
    for (const action of ['update', 'delete'] as const) {
      const changes = (id: string) => [{ action: 'update', id: here.id, version: 1, properties: { label: 'x' } }, { action, id, version: 1 }];
      const hidden = await refused(changes(elsewhere.body.id));
      const unknown = await refused(changes(randomUUID()));
      expect([hidden.status, hidden.body]).toEqual([404, { code: 'not_found', message: 'parcel not found', field: 'changes.1.id', index: 1 }]);
      expect(hidden.body).toEqual(unknown.body);
    }
    const restore = await refused([{ action: 'restore', id: elsewhere.body.id, version: 1, expectedVersion: 1 }]);
    expect([restore.status, restore.body.code, restore.body.field]).toEqual([404, 'not_found', 'changes.0.id']);
    // And the other way round: a demo parcel sent to the other site.
    const reverse = await refused([{ action: 'delete', id: here.id, version: 1 }], coordinator, otherSiteId);
    expect([reverse.status, reverse.body.field]).toEqual([404, 'changes.0.id']);
  });

  it('checks roles as the single-parcel routes do: 401 anonymous, 403 viewer, the project team only for phases ≥ 1', async () => {
    const current = await createParcel({ fromPhase: 0 });
    const future = await createParcel({ fromPhase: 1 });
    const anonymous = await refused([{ action: 'update', id: future.id, version: 1, properties: { label: 'x' } }], null);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'unauthenticated']);
    const byViewer = await refused([{ action: 'update', id: future.id, version: 1, properties: { label: 'x' } }], viewer);
    expect([byViewer.status, byViewer.body.code]).toEqual([403, 'forbidden']);

    const touchesPhase0 = await refused([{ action: 'update', id: future.id, version: 1, properties: { label: 'x' } }, { action: 'delete', id: current.id, version: 1 }], project);
    expect([touchesPhase0.status, touchesPhase0.body.code, touchesPhase0.body.field, touchesPhase0.body.index]).toEqual([403, 'forbidden', 'changes.1.id', 1]);
    const movesToPhase0 = await refused([{ action: 'update', id: future.id, version: 1, properties: { fromPhase: 0 } }], project);
    expect([movesToPhase0.status, movesToPhase0.body.field, movesToPhase0.body.index]).toEqual([403, 'changes.0.properties.fromPhase', 0]);
    const createsAtPhase0 = await refused([{ action: 'create', feature: parcelFeature(rectangle(demo.inside, 0, 0, 20, 20), organisationId(), { fromPhase: 0 }) }], project);
    expect([createsAtPhase0.status, createsAtPhase0.body.field]).toEqual([403, 'changes.0.feature.properties.fromPhase']);

    const allowed = await send([
      { action: 'update', id: future.id, version: 1, properties: { label: 'Future allée' } },
      { action: 'create', feature: parcelFeature(rectangle(demo.inside, 0, 0, 20, 20), organisationId(), { fromPhase: 2 }) },
    ], project);
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
  });

  it('refuses a malformed set with 400 and the field: a repeated parcel, no change, over 500, an unknown action or member', async () => {
    const parcel = await createParcel();
    const update = { action: 'update', id: parcel.id, version: 1, properties: { label: 'x' } };
    const cases: Array<[string, unknown[], string]> = [
      ['a repeated parcel', [update, { action: 'delete', id: parcel.id, version: 1 }], 'body.changes.1.id'],
      ['no change', [], 'body.changes'],
      ['501 changes', Array.from({ length: 501 }, () => update), 'body.changes'],
      ['an unknown action', [{ action: 'rename', id: parcel.id, version: 1 }], 'body.changes.0.action'],
      ['an unknown member', [{ ...update, style: {} }], 'body.changes.0'],
      ['no version', [{ action: 'delete', id: parcel.id }], 'body.changes.0.version'],
      ['a restore without expectedVersion', [{ action: 'restore', id: parcel.id, version: 1 }], 'body.changes.0.expectedVersion'],
      ['an id that is not a UUID', [{ action: 'delete', id: 'parcel-1', version: 1 }], 'body.changes.0.id'],
    ];
    for (const [name, changes, field] of cases) {
      const answer = await refused(changes);
      expect([answer.status, answer.body.code, answer.body.field], name).toEqual([400, 'invalid_request', field]);
    }
  });

  it('answers a retried request with the same Idempotency-Key with the first result, written once', async () => {
    const parcel = await createParcel();
    const changes = [
      { action: 'update', id: parcel.id, version: 1, properties: { label: 'Une fois' } },
      { action: 'create', feature: parcelFeature(rectangle(demo.inside, 0, 0, 20, 20), organisationId()) },
    ];
    const headers = { 'idempotency-key': `changes-${randomUUID()}` };
    const before = (await state())!;
    const once = await send(changes, coordinator, demo.siteId, headers);
    const again = await send(changes, coordinator, demo.siteId, headers);
    expect([once.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(once.body);
    expect(await state()).toMatchObject({ parcels: (before.parcels as number) + 1, versions: (before.versions as number) + 2 });
    const other = await send([changes[0]!], coordinator, demo.siteId, headers);
    expect([other.status, other.body.code]).toEqual([422, 'idempotency_key_reused']);
  });

  it('notifies subscribers once per kind of write, listing every changed parcel', async () => {
    const stream = await EventStreamReader.open(`${api.baseUrl}/api/sites/${demo.siteId}/events`, viewer);
    streams.push(stream);
    expect(stream.status).toBe(200);
    const [first, second, removed, revived] = [await createParcel(), await createParcel(), await createParcel(), await createParcel()];
    expect((await api.call('DELETE', `/api/parcels/${revived.id}`, coordinator, { headers: { 'if-match': '"1"' } })).status).toBe(204);
    expect(await stream.next<ChangeData>('change', (data) => data.change === 'delete' && (data.ids?.includes(revived.id) ?? false), 2000)).not.toBeNull();
    const seen = stream.received<ChangeData>('change').length;

    const changes: ParcelChangeRequest[] = [
      { action: 'update', id: first.id, version: 1, properties: { label: 'Un' } },
      { action: 'create', feature: parcelFeature(rectangle(demo.inside, 0, 0, 20, 20), organisationId()) },
      { action: 'delete', id: removed.id, version: 1 },
      { action: 'update', id: second.id, version: 1, properties: { label: 'Deux' } },
      { action: 'restore', id: revived.id, version: 1, expectedVersion: 2 },
    ];
    const answer = await send(changes);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const createdId = answer.body.results[1]!.id;
    expect(await stream.next<ChangeData>('change', (data) => data.change === 'delete' && (data.ids?.includes(removed.id) ?? false), 2000)).not.toBeNull();
    const events = stream.received<ChangeData>('change').slice(seen).map(({ change, count, ids, updatedBy }) => ({ change, count, ids, updatedBy }));
    const sorted = (ids: string[]) => [...ids].sort();
    expect(events).toEqual([
      { change: 'update', count: 2, ids: sorted([first.id, second.id]), updatedBy: coordinatorId },
      { change: 'create', count: 2, ids: sorted([createdId, revived.id]), updatedBy: coordinatorId },
      { change: 'delete', count: 1, ids: [removed.id], updatedBy: coordinatorId },
    ]);
  });
});
