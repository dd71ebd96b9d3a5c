import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/db/migrate.js';
import { createPool } from '../../../server/db/pool.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { startPrivateCluster, type Cluster } from '../../../scripts/lib/private-cluster.js';
import { ensurePostgres } from '../../../scripts/lib/system-packages.js';
import { TestApi } from '../../support/api.js';

/** Polls until the check passes or the time is up. */
async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

// A PostgreSQL server of its own, so that stopping it does not disturb the other test files.
describe('the database restarts while the server runs', () => {
  let root: string;
  let binDir: string;
  let cluster: Cluster;
  let api: TestApi;
  let pool: ReturnType<typeof createPool>;
  let siteId: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (error: unknown) => unhandled.push(error);

  beforeAll(async () => {
    binDir = await ensurePostgres();
    root = mkdtempSync(join(tmpdir(), 'tessera-outage-'));
    chmodSync(root, 0o755);
    cluster = await startPrivateCluster(binDir, root);
    pool = createPool({ connectionString: cluster.url, connectTimeoutMs: 1000, max: 4 });
    await migrate(pool);
    await loadDemo(pool);
    siteId = (await pool.query('select id from sites')).rows[0].id;
    api = await TestApi.start(pool);
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    await api.close();
    await pool.end().catch(() => undefined);
    await cluster.stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After during the outage and recovers by itself after it', async () => {
    const path = `/api/sites/${siteId}/parcels?phase=0`;
    expect((await api.call('GET', path)).status).toBe(200);
    await cluster.stop();
    const during = await api.call('GET', path);
    expect([during.status, during.body.code]).toEqual([503, 'database_unavailable']);
    expect(during.headers.get('retry-after')).toBe('5');
    expect((await api.call('GET', '/api/health')).status).toBe(503);
    cluster = await startPrivateCluster(binDir, root);
    const recovered = await eventually(async () => (await api.call('GET', path)).status === 200, 20_000);
    expect(recovered).toBe(true);
    expect(unhandled).toEqual([]);
  });
});
