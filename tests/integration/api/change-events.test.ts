import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../../server/changes/change-feed.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi, type Caller } from '../../support/api.js';
import { parcelFeature, readDemoSite, squareNear, type DemoSite } from '../../support/demo-site.js';
import { EventStreamReader } from '../../support/event-stream.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

interface ChangeData {
  siteId: string;
  layer: string;
  change: string;
  count: number;
  ids?: string[];
  version?: number;
  updatedBy?: string;
  updatedByName: string | null;
}

/** What docs/live-feed.md promises: other editors' saves appear within 2 seconds. */
const DELIVERY_MS = 2000;
/** How long to wait before concluding that no event comes. */
const QUIET_MS = 1000;

describe('GET /api/sites/:siteId/events: changes as Server-Sent Events', () => {
  let database: TestDatabase;
  let feed: ChangeFeed;
  let api: TestApi;
  let demo: DemoSite;
  let coordinator: Caller;
  let viewer: Caller;
  let coordinatorId: string;
  let privateSiteId: string;
  let step = 0;
  const streams: EventStreamReader[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (error: unknown) => unhandled.push(error);

  async function subscribe(siteId: string, as: Caller | null): Promise<EventStreamReader> {
    const stream = await EventStreamReader.open(`${api.baseUrl}/api/sites/${siteId}/events`, as);
    streams.push(stream);
    return stream;
  }

  /** Creates a parcel as the coordinator; returns it and when its answer came. */
  async function createParcel() {
    step += 1;
    const startedAt = performance.now();
    const answer = await api.call<{ id: string; properties: { version: number } }>('POST', `/api/sites/${demo.siteId}/parcels`, coordinator, {
      body: parcelFeature(squareNear(demo.inside, step * 3), demo.organisationIds.Ville!),
    });
    expect(answer.status).toBe(201);
    return { parcel: answer.body, startedAt, answeredAt: performance.now() };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    demo = await readDemoSite(database.pool);
    feed = new ChangeFeed(database.pool, { initialRetryMs: 100, maxRetryMs: 1000 });
    api = await TestApi.start(database.pool, { changes: feed });
    coordinator = await api.signIn('coordination@tessera.demo');
    viewer = await api.signIn('elu@tessera.demo');
    coordinatorId = (await api.call<{ id: string }>('GET', '/api/session', coordinator)).body.id;
    // A second, private site on which only the viewer has a role.
    privateSiteId = (await database.pool.query(
      `insert into sites (name, commune, perimeter, public) select 'Site privé', commune, perimeter, false from sites where id = $1 returning id`,
      [demo.siteId],
    )).rows[0].id;
    await database.pool.query(`insert into phases (site_id, ordinal, name, kind) values ($1, 0, 'Existant', 'existant')`, [privateSiteId]);
    await database.pool.query(`insert into site_roles (site_id, user_id, role) select $1, id, 'viewer' from users where email = 'elu@tessera.demo'`, [privateSiteId]);
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await feed.stop();
    await api.close();
    await database.drop();
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
  });

  it('answers 404 to anonymous callers on a private site, like an unknown site, and 400 to a bad id', async () => {
    const anonymous = await subscribe(privateSiteId, null);
    expect(anonymous.status).toBe(404);
    const unknown = await subscribe('00000000-0000-4000-8000-000000000000', viewer);
    expect(unknown.status).toBe(404);
    expect((await subscribe('not-a-uuid', viewer)).status).toBe(400);
  });

  it("sends the coordinator's new parcel to a viewer within 2 s, with the writer's name", async () => {
    const stream = await subscribe(demo.siteId, viewer);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { parcel, startedAt, answeredAt } = await createParcel();
    const received = await stream.next<ChangeData>('change', (data) => data.ids?.includes(parcel.id) ?? false, DELIVERY_MS);
    expect(received).not.toBeNull();
    expect(received!.parsed).toEqual({
      siteId: demo.siteId, layer: 'parcels', change: 'create', count: 1, ids: [parcel.id], version: 1,
      updatedBy: coordinatorId, updatedByName: 'Coordination GUP (démo)',
    });
    expect(received!.receivedAt - startedAt).toBeLessThan(DELIVERY_MS);
    console.log(`change event: ${(received!.receivedAt - startedAt).toFixed(0)} ms after the POST was sent, ${(received!.receivedAt - answeredAt).toFixed(0)} ms after its answer`);
    expect(stream.otherLines).toContain('retry: 2000');
  });

  it('sends updates with their version and deletions with who deleted', async () => {
    const stream = await subscribe(demo.siteId, viewer);
    const { parcel } = await createParcel();
    const changed = await api.call('PATCH', `/api/parcels/${parcel.id}`, coordinator, { body: { properties: { label: 'Renommée' } }, headers: { 'if-match': '"1"' } });
    expect(changed.status).toBe(200);
    const update = await stream.next<ChangeData>('change', (data) => data.change === 'update' && data.ids?.[0] === parcel.id, DELIVERY_MS);
    expect(update?.parsed).toMatchObject({ layer: 'parcels', count: 1, version: 2, updatedBy: coordinatorId });
    const admin = await api.signIn('admin@tessera.demo');
    expect((await api.call('DELETE', `/api/parcels/${parcel.id}`, admin, { headers: { 'if-match': '"2"' } })).status).toBe(204);
    const deletion = await stream.next<ChangeData>('change', (data) => data.change === 'delete' && data.ids?.[0] === parcel.id, DELIVERY_MS);
    expect(deletion?.parsed).toMatchObject({ layer: 'parcels', count: 1, updatedByName: 'Admin (démo)' });
  });

  it('sends nothing for a refused write or import (422) or a rolled-back transaction', async () => {
    const stream = await subscribe(demo.siteId, viewer);
    const outside = parcelFeature(squareNear([demo.inside[0] + 1, demo.inside[1]]), demo.organisationIds.Ville!);
    const refused = await api.call('POST', `/api/sites/${demo.siteId}/parcels`, coordinator, { body: outside });
    expect(refused.status).toBe(422);
    const valid = parcelFeature(squareNear(demo.inside, 1), demo.organisationIds.Ville!);
    const refusedImport = await api.call('POST', `/api/sites/${demo.siteId}/parcels/import`, coordinator, { body: { type: 'FeatureCollection', features: [valid, outside] } });
    expect(refusedImport.status).toBe(422);
    const client = await database.pool.connect();
    try {
      await client.query('begin');
      await client.query(`update parcels set label = 'jamais vu' where id = (select id from parcels where site_id = $1 limit 1)`, [demo.siteId]);
      await client.query('rollback');
    } finally {
      client.release();
    }
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(stream.received('change')).toEqual([]);
  });

  it('sends one event with the count for an import, without listing 60 ids', async () => {
    const stream = await subscribe(demo.siteId, viewer);
    const features = Array.from({ length: 60 }, (_, index) => parcelFeature(squareNear(demo.inside, index / 2), demo.organisationIds.Bailleur!));
    const imported = await api.call('POST', `/api/sites/${demo.siteId}/parcels/import`, coordinator, { body: { type: 'FeatureCollection', features } });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    const event = await stream.next<ChangeData>('change', () => true, DELIVERY_MS);
    expect(event?.parsed).toEqual({ siteId: demo.siteId, layer: 'parcels', change: 'create', count: 60, updatedBy: coordinatorId, updatedByName: 'Coordination GUP (démo)' });
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(stream.received('change')).toHaveLength(1);
  });

  it("sends nothing to another site's subscribers", async () => {
    const other = await subscribe(privateSiteId, viewer);
    expect(other.status).toBe(200);
    const mine = await subscribe(demo.siteId, viewer);
    const { parcel } = await createParcel();
    expect(await mine.next<ChangeData>('change', (data) => data.ids?.includes(parcel.id) ?? false, DELIVERY_MS)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    expect(other.events).toEqual([]);
  });

  it('reconnects by itself when its connection is killed, and tells subscribers to resync', async () => {
    const stream = await subscribe(demo.siteId, viewer);
    const killed = await database.pool.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'tessera-changes' and datname = current_database()`);
    expect(killed.rowCount).toBe(1);
    expect(await stream.next('resync', () => true, 5000)).not.toBeNull();
    // The API kept answering meanwhile, and changes flow again.
    const { parcel } = await createParcel();
    expect(await stream.next<ChangeData>('change', (data) => data.ids?.includes(parcel.id) ?? false, DELIVERY_MS)).not.toBeNull();
  });

  it('closes the listening connection once the last subscriber is gone', async () => {
    for (const stream of streams) stream.close();
    const deadline = Date.now() + 5000;
    while (feed.listening && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(feed.listening).toBe(false);
    expect(unhandled).toEqual([]);
  });
});
