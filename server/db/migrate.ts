import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { projectRoot } from '../project-root.js';

// The database is built in two steps, on every start, under one advisory lock:
//
// 1. `sql/migrations/NNNN_name.sql`, forward-only, each applied once (recorded in schema_migrations)
//    in its own transaction, in file order. They hold tables, indexes, data, triggers, and the `drop
//    function` that a changed signature or return type needs (`create or replace` cannot change
//    those). A migration never holds a function's body.
// 2. `sql/functions/NN_name.sql`, one function or small family per file, every one written
//    `create or replace` with all its attributes inline (volatility, parallel safety, cost, `set …`),
//    all applied again on every start, each file in its own transaction, in file name order: the
//    two-digit prefix first, so that a file only calls functions of files sorted before it (10
//    constants, settings and rules, 15 what the layers and the analysis share, 20 the analysis'
//    geometry, 30 what builds on it, 40 and 50 the materialisation, 60 trigger functions). `create or replace` assigns every property the command
//    states or implies, so the live definition is the file's, whatever the history of the database.
//
// Migrations 0001–0008 once held the function bodies, replaced time after time (0008 repeated
// bodies of 0004, 0005 and 0007 and their `alter function`s). Databases that ran them keep them
// until step 2 replaces every one with its file's. On a new database the same migrations now
// declare only the trigger functions their `create trigger` needs, with a body that raises until
// step 2 defines it; tests/integration/db/functions.test.ts checks that both end identical.
// A migration that adds a trigger on a new function declares it the same way.

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
const FUNCTION_FILE = /^(\d{2})_[a-z0-9_]+\.sql$/;
/** Any constant; it keeps two processes from migrating at the same time. */
const MIGRATION_LOCK = 7_466_001;

export const MIGRATIONS_DIRECTORY = join(projectRoot, 'sql', 'migrations');
export const FUNCTIONS_DIRECTORY = join(projectRoot, 'sql', 'functions');

export interface MigrationResult {
  applied: string[];
  total: number;
  functions: string[];
}

/** The migration files in order: `sql/migrations/NNNN_name.sql`. */
export function migrationFiles(directory = MIGRATIONS_DIRECTORY): string[] {
  return readdirSync(directory)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
}

/** The function files in the order they are applied: `sql/functions/NN_name.sql`. */
export function functionFiles(directory = FUNCTIONS_DIRECTORY): string[] {
  return readdirSync(directory)
    .filter((name) => FUNCTION_FILE.test(name))
    .sort();
}

/** Runs one SQL file in its own transaction, with `after` (same client, same transaction) when given. */
async function applyFile(client: pg.ClientBase, path: string, after?: () => Promise<unknown>): Promise<void> {
  await client.query('begin');
  try {
    await client.query(readFileSync(path, 'utf8'));
    await after?.();
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** The migrations a database has applied; creates the table that records them on a new database. */
export async function appliedMigrations(client: pg.ClientBase): Promise<Set<string>> {
  await client.query(`create table if not exists schema_migrations (
    name text primary key, applied_at timestamptz not null default now())`);
  return new Set((await client.query<{ name: string }>('select name from schema_migrations')).rows.map((row) => row.name));
}

/** Applies one migration and records it, in one transaction (after appliedMigrations). */
export async function applyMigration(client: pg.ClientBase, name: string, directory = MIGRATIONS_DIRECTORY): Promise<void> {
  try {
    await applyFile(client, join(directory, name), () => client.query('insert into schema_migrations (name) values ($1)', [name]));
  } catch (error) {
    throw new Error(`migration ${name} failed: ${(error as Error).message}`);
  }
}

/** Applies every function file, each in its own transaction, in file order; returns their names. */
export async function applyFunctions(client: pg.ClientBase, directory = FUNCTIONS_DIRECTORY): Promise<string[]> {
  const files = functionFiles(directory);
  for (const name of files) {
    try {
      await applyFile(client, join(directory, name));
    } catch (error) {
      throw new Error(`function file sql/functions/${name} failed: ${(error as Error).message}`);
    }
  }
  return files;
}

/** Applies each migration not yet recorded, then every function file (see the top of this file). */
export async function migrate(pool: pg.Pool, directory = MIGRATIONS_DIRECTORY, functionsDirectory = FUNCTIONS_DIRECTORY): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await appliedMigrations(client);
    const files = migrationFiles(directory);
    const applied: string[] = [];
    for (const name of files.filter((file) => !done.has(file))) {
      await applyMigration(client, name, directory);
      applied.push(name);
    }
    const functions = await applyFunctions(client, functionsDirectory);
    return { applied, total: files.length, functions };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
