import { migrate } from '../../server/db/migrate.js';
import { createPool } from '../../server/db/pool.js';
import { databaseUrl, dropDatabase, onServer, TEMPLATE_DATABASE } from '../support/test-database.js';

/** Builds the migrated template database that each test file copies. */
export default async function setup(): Promise<() => Promise<void>> {
  await dropDatabase(TEMPLATE_DATABASE);
  await onServer((client) => client.query(`create database ${TEMPLATE_DATABASE}`));
  const pool = createPool({ connectionString: databaseUrl(TEMPLATE_DATABASE), max: 1 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  return () => dropDatabase(TEMPLATE_DATABASE);
}
