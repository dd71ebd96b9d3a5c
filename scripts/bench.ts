// `npm run bench`: prints the figures of docs/README.md, "Quality bars", with their targets.
// `npm run bench -- editor` (or `browser-engine`, `postgis`) runs only the sections named.
import { migrate } from '../server/db/migrate.js';
import { createPool } from '../server/db/pool.js';
import { benchBrowserEngine } from './bench/browser-engine.bench.js';
import { benchEditor } from './bench/editor.bench.js';
import { benchPostgis } from './bench/postgis.bench.js';
import { openDatabase, withDatabaseName } from './lib/database.js';

const DATABASE = 'tessera_bench';
const SECTIONS = ['browser-engine', 'postgis', 'editor'] as const;
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(SECTIONS as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`unknown bench section: ${unknown.join(', ')} (sections: ${SECTIONS.join(', ')})`);
  process.exit(2);
}
const runs = (section: (typeof SECTIONS)[number]) => chosen.length === 0 || chosen.includes(section);

const database = await openDatabase();
const admin = createPool({ connectionString: database.url, max: 1 });
try {
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  const pool = createPool({ connectionString: withDatabaseName(database.url, DATABASE), max: 10, statementTimeoutMs: 600_000 });
  try {
    await migrate(pool);
    console.log(`Tessera bench, ${new Date().toISOString()}, Node ${process.version}`);
    if (runs('browser-engine')) await benchBrowserEngine();
    if (runs('postgis')) await benchPostgis(pool);
    if (runs('editor')) await benchEditor(pool);
  } finally {
    await pool.end();
  }
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
} finally {
  await admin.end();
  await database.stop();
}
