import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { projectRoot } from '../../../server/project-root.js';
import { readDemoSite, type DemoSite } from '../../support/demo-site.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

const FEATURES = 2000;

/** Starts `server/main.ts` as its own process on a free port; resolves with its base URL. */
function startServerProcess(databaseUrl: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  // node itself with tsx's loader (the tsx command would put a wrapper process between us and the server).
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'server', 'main.ts')], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited early (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on port (\d+)/.exec(chunk.toString());
      if (match) resolve({ child, baseUrl: `http://127.0.0.1:${match[1]}` });
    });
  });
}

/** A 64-sided polygon of about 10 m radius: enough work per feature for the import to take a while. */
function circle([lon, lat]: [number, number], index: number) {
  const ring = Array.from({ length: 64 }, (_, step) => {
    const angle = (2 * Math.PI * step) / 64;
    return [lon + (index % 40) * 0.00001 + 0.00012 * Math.cos(angle), lat + Math.floor(index / 40) * 0.000005 + 0.00008 * Math.sin(angle)];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

describe('an import killed half-way', () => {
  let database: TestDatabase;
  let demo: DemoSite;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    demo = await readDemoSite(database.pool);
  });
  afterAll(() => database.drop());

  it('leaves no row when the server process dies inside the transaction', async () => {
    const count = async (table: string) => (await database.pool.query(`select count(*)::int as count from ${table}`)).rows[0].count as number;
    const [parcelsBefore, versionsBefore] = [await count('parcels'), await count('parcel_versions')];
    const { child, baseUrl } = await startServerProcess(database.url);
    const login = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'coordination@tessera.demo', password: 'tessera-demo' }) });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const features = Array.from({ length: FEATURES }, (_, index) => ({
      type: 'Feature', geometry: circle(demo.inside, index), properties: { organisationId: demo.organisationIds.Ville, services: ['nettoiement'], label: `import ${index}` },
    }));
    const importing = fetch(`${baseUrl}/api/sites/${demo.siteId}/parcels/import`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ type: 'FeatureCollection', features }),
    }).then((response) => response.status, () => 'connection lost');

    // Kill the server the moment its import transaction has started writing or checking.
    const inTransaction = async () => (await database.pool.query(
      "select count(*)::int as count from pg_stat_activity where datname = current_database() and application_name = 'tessera' and xact_start is not null and pid <> pg_backend_pid()",
    )).rows[0].count > 0;
    const deadline = Date.now() + 60_000;
    while (!(await inTransaction()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');

    expect(await importing).toBe('connection lost');
    const gone = async () => (await database.pool.query("select count(*)::int as count from pg_stat_activity where datname = current_database() and application_name = 'tessera' and pid <> pg_backend_pid()")).rows[0].count === 0;
    while (!(await gone()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await count('parcels')).toBe(parcelsBefore);
    expect(await count('parcel_versions')).toBe(versionsBefore);
  });
});
