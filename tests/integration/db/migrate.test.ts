import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_KINDS, ORGANISATION_KINDS, PHASE_KINDS } from '../../../core/index.js';
import { migrate, migrationFiles } from '../../../server/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const DOMAIN_TABLES = [
  'api_tokens', 'buildings', 'context_features', 'operations', 'organisations', 'parcel_versions',
  'parcels', 'phases', 'services', 'sessions', 'site_roles', 'sites', 'users',
];

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
  });
  afterAll(() => database.drop());

  it('apply every file on an empty database and record each', async () => {
    const result = await migrate(database.pool);
    expect(result.applied).toEqual(migrationFiles());
    const { rows } = await database.pool.query<{ name: string }>('select name from schema_migrations order by name');
    expect(rows.map((row) => row.name)).toEqual(migrationFiles());
  });

  it('create every table of the domain', async () => {
    const { rows } = await database.pool.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
    );
    const tables = rows.map((row) => row.table_name);
    for (const table of DOMAIN_TABLES) expect(tables).toContain(table);
  });

  it('are idempotent: a second run applies nothing and changes nothing', async () => {
    const before = await database.pool.query('select count(*)::int as count from services');
    const result = await migrate(database.pool);
    expect(result.applied).toEqual([]);
    const after = await database.pool.query('select count(*)::int as count from services');
    expect(after.rows[0].count).toBe(before.rows[0].count);
  });

  it('type geometry columns as valid, non-empty MultiPolygons in WGS84 with GiST indexes', async () => {
    const { rows } = await database.pool.query<{ f_table_name: string; type: string; srid: number }>(
      "select f_table_name, type, srid from geometry_columns where f_geometry_column in ('geom', 'perimeter') and f_table_name <> 'context_features'",
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect([row.type, row.srid]).toEqual(['MULTIPOLYGON', 4326]);
    const indexes = await database.pool.query<{ indexname: string }>("select indexname from pg_indexes where indexdef ilike '%using gist%' order by indexname");
    expect(indexes.rows.map((row) => row.indexname)).toEqual(
      expect.arrayContaining(['buildings_geom_idx', 'operations_geom_idx', 'parcels_geom_idx', 'sites_perimeter_idx']),
    );
  });

  it("check the kinds of organisations, phases and operations against core's lists, value for value", async () => {
    const { rows } = await database.pool.query<{ table: string; definition: string }>(
      `select conrelid::regclass::text as table, pg_get_constraintdef(oid) as definition from pg_constraint
        where contype = 'c' and conname in ('organisations_kind_check', 'phases_kind_check', 'operations_kind_check')`,
    );
    const checked = Object.fromEntries(rows.map((row) => [row.table, [...row.definition.matchAll(/'([a-z_]+)'::text/g)].map((match) => match[1])]));
    expect(checked).toEqual({ organisations: [...ORGANISATION_KINDS], phases: [...PHASE_KINDS], operations: [...OPERATION_KINDS] });
  });

  it('refuse an invalid geometry (a bowtie) at the database level', async () => {
    const bowtie = 'MULTIPOLYGON(((2.47 48.90, 2.48 48.91, 2.48 48.90, 2.47 48.91, 2.47 48.90)))';
    await expect(
      database.pool.query("insert into sites (name, commune, perimeter) values ('x', 'y', ST_GeomFromText($1, 4326))", [bowtie]),
    ).rejects.toThrow(/check constraint/);
    const { rows } = await database.pool.query('select count(*)::int as count from sites');
    expect(rows[0].count).toBe(0);
  });
});
