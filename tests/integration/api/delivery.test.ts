import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../server/demo/load-demo.js';
import { TestApi } from '../../support/api.js';
import { getRaw } from '../../support/raw-get.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** Some JavaScript, repetitive like any bundle, well past the size under which compressing is not worth it. */
const SCRIPT = Array.from({ length: 400 }, (_, index) => `export const value${index} = ${index} * 2;`).join('\n');
const HASHED_SCRIPT = 'assets/index-B7xQ2kLm.js';
/** A script the build compressed beforehand, as web/vite.config.ts has it do for every asset. */
const PRECOMPRESSED_SCRIPT = 'assets/maplibre-gl-worker-Cz1x.mjs';

describe('delivery: compressed answers and cached assets', () => {
  let database: TestDatabase;
  let api: TestApi;
  let siteId: string;
  let webRoot: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    webRoot = mkdtempSync(join(tmpdir(), 'tessera-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), `<!doctype html><html><body><div id="root"></div><script type="module" src="/${HASHED_SCRIPT}"></script></body></html>`);
    writeFileSync(join(webRoot, HASHED_SCRIPT), SCRIPT);
    writeFileSync(join(webRoot, PRECOMPRESSED_SCRIPT), SCRIPT);
    writeFileSync(`${join(webRoot, PRECOMPRESSED_SCRIPT)}.br`, brotliCompressSync(SCRIPT));
    api = await TestApi.start(database.pool, { webRoot });
    siteId = (await database.pool.query('select id from sites')).rows[0].id;
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves a hashed script compressed, in brotli or gzip as asked, and cacheable for a year', async () => {
    for (const encoding of ['br', 'gzip']) {
      const answer = await getRaw(`${api.baseUrl}/${HASHED_SCRIPT}`, encoding);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe(encoding);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.body.length).toBeLessThan(SCRIPT.length / 4);
      expect(answer.text).toBe(SCRIPT);
    }
  });

  it('sends the brotli copy the build wrote beside a script, with the script\'s type', async () => {
    const answer = await getRaw(`${api.baseUrl}/${PRECOMPRESSED_SCRIPT}`, 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.body.equals(brotliCompressSync(SCRIPT))).toBe(true);
    const plain = await getRaw(`${api.baseUrl}/${PRECOMPRESSED_SCRIPT}`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(SCRIPT);
  });

  it('serves the page (and the client-side routes) compressed and always revalidated', async () => {
    for (const path of ['/index.html', `/sites/${siteId}`, `/sites/${siteId}?phase=1&service=espaces_verts`]) {
      const answer = await getRaw(api.baseUrl + path, 'gzip');
      expect(answer.status).toBe(200);
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.text).toContain(HASHED_SCRIPT);
    }
  });

  it('compresses the parcels of the demo, to a small part of their GeoJSON', async () => {
    const plain = await getRaw(`${api.baseUrl}/api/sites/${siteId}/parcels?phase=0`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const compressed = await getRaw(`${api.baseUrl}/api/sites/${siteId}/parcels?phase=0`, 'br, gzip');
    expect(compressed.status).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.body.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(compressed.text)).toEqual(JSON.parse(plain.body.toString('utf8')));
  });

  it('sends the stream of changes uncompressed, so that each event arrives when it is sent', async () => {
    const answer = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      const sent = request(`${api.baseUrl}/api/sites/${siteId}/events`, { headers: { 'accept-encoding': 'br, gzip' } }, (response) => {
        response.once('data', () => {
          resolve(response.headers);
          sent.destroy();
        });
      });
      sent.on('error', reject);
      sent.end();
    });
    expect(answer['content-type']).toMatch(/^text\/event-stream/);
    expect(answer['content-encoding']).toBeUndefined();
  });
});
