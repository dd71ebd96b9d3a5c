import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { projectRoot } from '../project-root.js';

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
/** Any constant; it keeps two processes from migrating at the same time. */
const MIGRATION_LOCK = 7_466_001;

export interface MigrationResult {
  applied: string[];
  total: number;
}

/** The migration files in order: `sql/migrations/NNNN_name.sql`. */
export function migrationFiles(directory = join(projectRoot, 'sql', 'migrations')): string[] {
  return readdirSync(directory)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
}

/** Applies each migration not yet recorded, each in its own transaction, in file order. */
export async function migrate(pool: pg.Pool, directory = join(projectRoot, 'sql', 'migrations')): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`create table if not exists schema_migrations (
      name text primary key, applied_at timestamptz not null default now())`);
    const done = new Set((await client.query<{ name: string }>('select name from schema_migrations')).rows.map((row) => row.name));
    const files = migrationFiles(directory);
    const applied: string[] = [];
    for (const name of files.filter((file) => !done.has(file))) {
      await client.query('begin');
      try {
        await client.query(readFileSync(join(directory, name), 'utf8'));
        await client.query('insert into schema_migrations (name) values ($1)', [name]);
        await client.query('commit');
        applied.push(name);
      } catch (error) {
        await client.query('rollback');
        throw new Error(`migration ${name} failed: ${(error as Error).message}`);
      }
    }
    return { applied, total: files.length };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
