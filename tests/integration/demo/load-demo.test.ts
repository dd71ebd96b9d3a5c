import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../server/auth/password.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoIfEmpty } from '../../../server/demo/load-demo.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const expected = JSON.parse(readFileSync(new URL('../../../data/demo/expected.json', import.meta.url), 'utf8'));

async function count(database: TestDatabase, table: string): Promise<number> {
  const { rows } = await database.pool.query(`select count(*)::int as count from ${table}`);
  return rows[0].count;
}

describe('the demo site', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoIfEmpty(database.pool);
  });
  afterAll(() => database.drop());

  it('loads with the expected counts', async () => {
    expect(await count(database, 'sites')).toBe(1);
    expect(await count(database, 'parcels')).toBe(expected.parcels);
    expect(await count(database, 'buildings')).toBe(expected.buildings);
    expect(await count(database, 'organisations')).toBe(expected.organisations);
    expect(await count(database, 'phases')).toBe(expected.phases);
    expect(await count(database, 'operations')).toBe(expected.operations);
    expect(await count(database, 'context_features')).toBe(expected.contextFeatures);
    expect(await count(database, 'parcel_versions')).toBe(expected.parcels);
  });

  it('has parcels alive at each phase as the scenario says', async () => {
    for (const [phase, parcels] of Object.entries(expected.parcelsByPhase)) {
      const { rows } = await database.pool.query(
        'select count(*)::int as count from parcels where from_phase <= $1 and (to_phase is null or $1 < to_phase)',
        [Number(phase)],
      );
      expect(rows[0].count, `phase ${phase}`).toBe(parcels);
    }
  });

  it('is not loaded twice', async () => {
    expect(await loadDemoIfEmpty(database.pool)).toBeNull();
    expect(await count(database, 'sites')).toBe(1);
    expect(await count(database, 'parcels')).toBe(expected.parcels);
  });

  it('creates one account per role, with scrypt-hashed passwords', async () => {
    const { rows } = await database.pool.query(
      'select email, role, password_hash from users join site_roles on site_roles.user_id = users.id order by email',
    );
    expect(rows.map((row) => [row.email, row.role])).toEqual(
      [...DEMO_ACCOUNTS].sort((a, b) => a.email.localeCompare(b.email)).map((account) => [account.email, account.role]),
    );
    expect(rows[0].password_hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(DEMO_PASSWORD, rows[0].password_hash)).toBe(true);
    expect(await verifyPassword('wrong', rows[0].password_hash)).toBe(false);
  });

  it('leaves realistic defects for cleaning at the current phase: a gap, an overlap, an overflow', async () => {
    const { rows } = await database.pool.query(`
      with site as (select id, perimeter from sites),
           outdoor as (select ST_Difference(site.perimeter, coalesce((select ST_Union(geom) from buildings
                           where from_phase = 0 and (to_phase is null or to_phase > 0)), 'GEOMETRYCOLLECTION EMPTY'::geometry)) as geom from site),
           cleaning as (select id, geom from parcels where 'nettoiement' = any(services) and from_phase = 0 and (to_phase is null or to_phase > 0))
      select ST_Area(ST_Difference((select geom from outdoor), (select ST_Union(geom) from cleaning))::geography) as gap,
             (select coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom)::geography)), 0) from cleaning a join cleaning b
               on a.id < b.id and a.geom && b.geom and ST_Relate(a.geom, b.geom, '2********')) as overlap,
             (select sum(ST_Area(ST_Difference(geom, (select perimeter from site))::geography)) from cleaning) as overflow`);
    expect(rows[0].gap).toBeGreaterThan(50);
    expect(rows[0].overlap).toBeGreaterThan(10);
    expect(rows[0].overflow).toBeGreaterThan(10);
  });
});
