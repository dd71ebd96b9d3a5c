import type { TestProject } from 'vitest/node';
import { migrate } from '../../server/db/migrate.js';
import { createPool } from '../../server/db/pool.js';
import { databaseUrl, dropDatabase, onServer } from '../support/test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * Builds the migrated template database that each test file copies, named after this run, so
 * that two runs on one server (two developers, a developer and CI) never drop each other's.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = `tessera_template_${process.pid}`;
  await dropDatabase(template);
  await onServer((client) => client.query(`create database ${template}`));
  const pool = createPool({ connectionString: databaseUrl(template), max: 1 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  project.provide('templateDatabase', template);
  return () => dropDatabase(template);
}
