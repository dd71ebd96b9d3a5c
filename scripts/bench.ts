// `npm run bench`: prints the figures of DESIGN.md §7 and the analysis issue, with their targets.
import { migrate } from '../server/db/migrate.js';
import { createPool } from '../server/db/pool.js';
import { benchBrowserEngine } from './bench/browser-engine.bench.js';
import { benchPostgis } from './bench/postgis.bench.js';
import { openDatabase, withDatabaseName } from './lib/database.js';

const DATABASE = 'tessera_bench';
const database = await openDatabase();
const admin = createPool({ connectionString: database.url, max: 1 });
try {
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  const pool = createPool({ connectionString: withDatabaseName(database.url, DATABASE), max: 10, statementTimeoutMs: 600_000 });
  try {
    await migrate(pool);
    console.log(`Tessera bench, ${new Date().toISOString()}, Node ${process.version}`);
    await benchBrowserEngine();
    await benchPostgis(pool);
  } finally {
    await pool.end();
  }
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
} finally {
  await admin.end();
  await database.stop();
}
