// The SQL functions live in sql/functions/ and are applied after the migrations (server/db/migrate.ts).
// A database built in one go and one migrated step by step must end with the same schema, and every
// function of ours must be exactly what its file defines, whatever the migrations declared before.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFunctions, applyMigration, appliedMigrations, FUNCTIONS_DIRECTORY, functionFiles, migrate, migrationFiles } from '../../../server/db/migrate.js';
import { ensurePostgres } from '../../../scripts/lib/system-packages.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const run = promisify(execFile);
/** A schema of its own where each file is applied alone, to read what it defines. */
const SCRATCH_SCHEMA = 'function_files';

/** The text of one function file. */
function functionSource(file: string): string {
  return readFileSync(join(FUNCTIONS_DIRECTORY, file), 'utf8');
}

/** Our functions of a schema (not those of an extension such as PostGIS): signature → pg_get_functiondef. */
async function functionDefinitions(pool: pg.Pool, schema: string): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ signature: string; definition: string }>(
    `select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as signature,
            replace(pg_get_functiondef(p.oid), n.nspname || '.', 'public.') as definition
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = $1
        and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
      order by 1`,
    [schema],
  );
  return new Map(rows.map((row) => [row.signature, row.definition]));
}

/** Applies each function file into the scratch schema; returns which file defined which function. */
async function applyFilesAlone(pool: pg.Pool): Promise<Map<string, string>> {
  const client = await pool.connect();
  const definedBy = new Map<string, string>();
  try {
    await client.query(`create schema ${SCRATCH_SCHEMA}`);
    await client.query(`set search_path = ${SCRATCH_SCHEMA}, public`);
    for (const file of functionFiles()) {
      const before = new Set((await functionDefinitions(pool, SCRATCH_SCHEMA)).keys());
      await client.query(functionSource(file));
      for (const signature of (await functionDefinitions(pool, SCRATCH_SCHEMA)).keys()) {
        if (!before.has(signature)) definedBy.set(signature, file);
      }
    }
  } finally {
    await client.query('reset search_path');
    client.release();
  }
  return definedBy;
}

/** The schema as pg_dump writes it, without the random key of its \restrict lines. */
async function schemaDump(binDir: string, url: string): Promise<string> {
  try {
    const { stdout } = await run(join(binDir, 'pg_dump'), ['--schema-only', '--no-owner', url], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.split('\n').filter((line) => !/^\\(un)?restrict /.test(line)).join('\n');
  } catch (error) {
    throw new Error(`pg_dump (${binDir}) could not dump the test database; it must be as recent as the server (apt-get install postgresql-client-15 or newer): ${(error as Error).message}`);
  }
}

describe('SQL functions applied from sql/functions', () => {
  let fresh: TestDatabase;
  let stepByStep: TestDatabase;
  let binDir: string;

  beforeAll(async () => {
    binDir = await ensurePostgres();
    fresh = await createTestDatabase({ migrated: false });
    stepByStep = await createTestDatabase({ migrated: false });
    await migrate(fresh.pool);
    const client = await stepByStep.pool.connect();
    try {
      await appliedMigrations(client);
      for (const name of migrationFiles()) await applyMigration(client, name);
      await applyFunctions(client);
    } finally {
      client.release();
    }
  });
  afterAll(async () => {
    await fresh?.drop();
    await stepByStep?.drop();
  });

  it('leave the two databases with identical schemas (pg_dump --schema-only)', async () => {
    const [freshSchema, stepSchema] = await Promise.all([schemaDump(binDir, fresh.url), schemaDump(binDir, stepByStep.url)]);
    expect(freshSchema).toContain('CREATE FUNCTION public.analysis_recompute(');
    expect(freshSchema).toContain('CREATE TRIGGER analysis_parcels_insert');
    expect(stepSchema).toBe(freshSchema);
  });

  it('a second start applies the same definitions again and changes nothing', async () => {
    const before = await functionDefinitions(fresh.pool, 'public');
    const result = await migrate(fresh.pool);
    expect(result.applied).toEqual([]);
    expect(result.functions).toEqual(functionFiles());
    expect(await functionDefinitions(fresh.pool, 'public')).toEqual(before);
  });

  for (const [label, database] of [['fresh', () => fresh], ['step by step', () => stepByStep]] as const) {
    it(`give every function of the ${label} database the definition its file gives it, and no other function`, async () => {
      const live = await functionDefinitions(database().pool, 'public');
      const definedBy = await applyFilesAlone(database().pool);
      const fromFiles = await functionDefinitions(database().pool, SCRATCH_SCHEMA);
      expect([...live.keys()]).toEqual([...fromFiles.keys()]);
      for (const [signature, definition] of live) {
        expect(definition, `${signature}, from sql/functions/${definedBy.get(signature)}`).toBe(fromFiles.get(signature));
      }
      expect(live.size).toBe(functionFiles().map(functionSource).join('\n').match(/^create or replace function /gm)?.length);
    });
  }

  it('state the attributes that migrations once set with alter function', async () => {
    const { rows } = await fresh.pool.query<{ name: string; parallel: string; config: string[] | null }>(
      `select proname as name, proparallel as parallel, proconfig as config from pg_proc
        where pronamespace = 'public'::regnamespace
          and proname in ('analysis_recompute', 'analysis_overflow_pieces', 'analysis_overlap_pairs_of', 'analysis_apply_building_changes', 'analysis_band_findings')
        order by proname`,
    );
    expect(rows).toEqual([
      { name: 'analysis_apply_building_changes', parallel: 'u', config: ['jit=off'] },
      { name: 'analysis_band_findings', parallel: 's', config: ['max_parallel_workers_per_gather=0', 'work_mem=64MB', 'jit=off'] },
      { name: 'analysis_overflow_pieces', parallel: 's', config: null },
      { name: 'analysis_overlap_pairs_of', parallel: 's', config: null },
      { name: 'analysis_recompute', parallel: 'u', config: ['min_parallel_table_scan_size=1MB', 'parallel_setup_cost=100', 'jit=off'] },
    ]);
  });
});
