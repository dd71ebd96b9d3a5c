import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MultiPolygon, ParcelFeature } from '../../../core/index.js';
import { namedQuery } from '../../../server/db/named-queries.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi, type Caller } from '../../support/api.js';
import { parcelFeature, readDemoSite, squareNear, type DemoSite } from '../../support/demo-site.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

// The single-parcel routes and the sets of changes write through one function: the same statements
// store them, and the answer is read back in one query however many parcels a set holds.

interface Statement {
  text: string;
  values: unknown[];
}

/**
 * The real pool, with every statement its clients run recorded (text and values), for counting;
 * pg_stat_statements is not needed. Everything else goes to the real pool and clients unchanged.
 */
function recordingPool(pool: pg.Pool, statements: Statement[]): pg.Pool {
  const recordingClient = (client: pg.PoolClient) => new Proxy(client, {
    get(target, property) {
      if (property === 'query') {
        return (text: string | { text: string }, values: unknown[] = []) => {
          statements.push({ text: typeof text === 'string' ? text : text.text, values });
          return target.query(text as string, values);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return new Proxy(pool, {
    get(target, property) {
      if (property === 'connect') return async () => recordingClient(await target.connect());
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const WRITES = ['parcels/update-many', 'parcels/insert', 'parcels/delete-many', 'parcels/record-version', 'parcels/record-deletion'];

/** The named queries among statements, by name (unnamed ones: begin, commit, the access checks… left out). */
function queryNames(statements: Statement[]): string[] {
  const names = [...WRITES, 'parcels/features', 'parcels/lock-ids', 'changes/set-actor', 'idempotency/save'];
  return statements.flatMap((statement) => names.filter((name) => namedQuery(name) === statement.text));
}

/** The statements a write ran after its last write statement, up to its commit. */
function afterLastWrite(statements: Statement[]): Statement[] {
  const writes = new Set(WRITES.map(namedQuery));
  const last = statements.findLastIndex((statement) => writes.has(statement.text));
  const commit = statements.findIndex((statement) => statement.text === 'commit');
  expect(last, 'the request wrote').toBeGreaterThanOrEqual(0);
  return statements.slice(last + 1, commit);
}

describe('one write path for parcels', () => {
  let database: TestDatabase;
  let api: TestApi;
  let demo: DemoSite;
  let coordinator: Caller;
  let step = 0;
  const statements: Statement[] = [];

  const organisationId = () => demo.organisationIds.Ville!;
  // Squares of about 15 m on a grid from the site's inside point (parcels may overlap demo ones: the API accepts it).
  const cell = (): MultiPolygon => {
    step += 1;
    return squareNear([demo.inside[0] + (step % 6) * 0.00022, demo.inside[1] + Math.floor(step / 6) * 0.00016]);
  };

  async function createParcel(): Promise<ParcelFeature> {
    const answer = await api.call<ParcelFeature>('POST', `/api/sites/${demo.siteId}/parcels`, coordinator, { body: parcelFeature(cell(), organisationId()) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    demo = await readDemoSite(database.pool);
    api = await TestApi.start(recordingPool(database.pool, statements));
    coordinator = await api.signIn('coordination@tessera.demo');
  });
  beforeEach(() => {
    statements.length = 0;
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it.each([1, 3, 12])('answers a set of %i updates, a creation and a deletion with one read-back query of all its parcels, in order', async (updates) => {
    const parcels = await Promise.all(Array.from({ length: updates + 1 }, createParcel));
    const [deleted, ...updated] = parcels;
    const changes = [
      ...updated.map((parcel) => ({ action: 'update', id: parcel.id, version: 1, properties: { label: `renommée ${parcel.id}` } })),
      { action: 'create', feature: parcelFeature(cell(), organisationId()) },
      { action: 'delete', id: deleted!.id, version: 1 },
    ];
    statements.length = 0;
    const answer = await api.call<{ results: Array<ParcelFeature | null> }>('POST', `/api/sites/${demo.siteId}/parcels/changes`, coordinator, { body: { changes } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const { results } = answer.body;
    expect(results.slice(0, updates).map((parcel) => [parcel!.id, parcel!.properties.version, parcel!.properties.label]))
      .toEqual(updated.map((parcel) => [parcel.id, 2, `renommée ${parcel.id}`]));
    expect(results[updates]!.properties.version).toBe(1);
    expect(results[updates + 1]).toBeNull();

    const readBack = afterLastWrite(statements);
    expect(readBack.map((statement) => statement.text), 'after its writes, the set runs exactly one statement: the read-back').toEqual([namedQuery('parcels/features')]);
    expect(readBack[0]!.values).toEqual([results.slice(0, updates + 1).map((parcel) => parcel!.id)]);
    // One statement per kind of write, whatever the number of parcels.
    expect(queryNames(statements).filter((name) => WRITES.includes(name)))
      .toEqual(['parcels/update-many', 'parcels/record-version', 'parcels/insert', 'parcels/record-version', 'parcels/record-deletion', 'parcels/delete-many']);
  });

  it('runs the single-parcel routes through the same statements as a set of one change, one after the other', async () => {
    const created = await createParcel();
    const creation = queryNames(statements);
    statements.length = 0;
    const patched = await api.call<ParcelFeature>('PATCH', `/api/parcels/${created.id}`, coordinator, { body: { properties: { label: 'une' } }, headers: { 'if-match': '"1"' } });
    expect([patched.status, patched.body.properties.version, patched.body.properties.label]).toEqual([200, 2, 'une']);
    const update = queryNames(statements);
    statements.length = 0;
    const restored = await api.call<ParcelFeature>('POST', `/api/parcels/${created.id}/restore`, coordinator, { body: { version: 1 }, headers: { 'if-match': '"2"' } });
    expect([restored.status, restored.body.properties.version, restored.body.properties.label]).toEqual([200, 3, 'Parcelle de test']);
    const restore = queryNames(statements);
    statements.length = 0;
    expect((await api.call('DELETE', `/api/parcels/${created.id}`, coordinator, { headers: { 'if-match': '"3"' } })).status).toBe(204);
    const deletion = queryNames(statements);
    statements.length = 0;
    const recreated = await api.call<ParcelFeature>('POST', `/api/parcels/${created.id}/restore`, coordinator, { body: { version: 2 }, headers: { 'if-match': '"4"' } });
    expect([recreated.status, recreated.body.properties.version, recreated.body.properties.label]).toEqual([200, 5, 'une']);
    const recreation = queryNames(statements);

    const single = { creation, update, restore, deletion, recreation };
    expect(single).toEqual({
      creation: ['changes/set-actor', 'parcels/insert', 'parcels/record-version', 'parcels/features'],
      update: ['parcels/lock-ids', 'parcels/features', 'changes/set-actor', 'parcels/update-many', 'parcels/record-version', 'parcels/features'],
      restore: ['parcels/lock-ids', 'parcels/lock-ids', 'parcels/features', 'changes/set-actor', 'parcels/update-many', 'parcels/record-version', 'parcels/features'],
      deletion: ['parcels/lock-ids', 'changes/set-actor', 'parcels/record-deletion', 'parcels/delete-many'],
      recreation: ['parcels/lock-ids', 'parcels/lock-ids', 'changes/set-actor', 'parcels/insert', 'parcels/record-version', 'parcels/features'],
    });
    const history = await api.call<Array<{ version: number; change: string }>>('GET', `/api/parcels/${created.id}/history`, coordinator);
    expect(history.body.map((entry) => `${entry.version}:${entry.change}`)).toEqual(['1:create', '2:update', '3:restore', '4:delete', '5:restore']);

    // The same changes sent as sets of one change run the same statements (plus nothing).
    const other = await createParcel();
    statements.length = 0;
    const send = (change: Record<string, unknown>) => api.call('POST', `/api/sites/${demo.siteId}/parcels/changes`, coordinator, { body: { changes: [change] } });
    expect((await send({ action: 'update', id: other.id, version: 1, properties: { label: 'une' } })).status).toBe(200);
    expect(queryNames(statements)).toEqual(update);
    statements.length = 0;
    expect((await send({ action: 'delete', id: other.id, version: 2 })).status).toBe(200);
    expect(queryNames(statements)).toEqual(deletion);
  });
});
