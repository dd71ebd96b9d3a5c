import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../../server/db/pool.js';
import { TestApi } from '../../support/api.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('pool limits', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('answers 503 with Retry-After when every connection is busy, then serves again', async () => {
    const pool = createPool({ connectionString: database.url, max: 1, connectTimeoutMs: 300 });
    const api = await TestApi.start(pool);
    try {
      const held = await pool.connect();
      const busy = await api.call('GET', '/api/health');
      expect([busy.status, busy.body.code, busy.headers.get('retry-after')]).toEqual([503, 'database_unavailable', '5']);
      held.release();
      expect((await api.call('GET', '/api/health')).status).toBe(200);
    } finally {
      await api.close();
      await pool.end();
    }
  });

  it('bounds every statement with statement_timeout', async () => {
    const pool = createPool({ connectionString: database.url, statementTimeoutMs: 200 });
    try {
      const started = Date.now();
      await expect(pool.query('select pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      await pool.end();
    }
  });
});
