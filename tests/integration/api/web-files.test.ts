import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../server/project-root.js';
import { TestApi } from '../../support/api.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

// A web root laid out like Vite's build: the page, the public favicon copied to the root, one hashed asset.
function builtWebRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'tessera-web-'));
  writeFileSync(join(root, 'index.html'), readFileSync(join(projectRoot, 'web', 'index.html')));
  copyFileSync(join(projectRoot, 'web', 'public', 'favicon.svg'), join(root, 'favicon.svg'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("tessera");\n');
  return root;
}

describe('the web app files', () => {
  let database: TestDatabase;
  let api: TestApi;
  let webRoot: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    webRoot = builtWebRoot();
    api = await TestApi.start(database.pool, { webRoot });
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(api.baseUrl + path);

  it('references an SVG favicon from the page, and serves it as an image', async () => {
    const page = await (await get('/')).text();
    expect(page).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg" />');
    const icon = await get('/favicon.svg');
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect(await icon.text()).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/);
  });

  it('answers 404, not the page, for /favicon.ico and other missing files', async () => {
    for (const path of ['/favicon.ico', '/assets/index-gone99.js', '/robots.txt', '/sites/x/missing.png']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(await answer.text(), path).not.toContain('<div id="root">');
    }
  });

  it('still loads the page for client-side routes, numbers with a dot included', async () => {
    for (const path of ['/', '/sites/3f2a', '/sites/3f2a/phases/2', '/sites/3f2a/@48.905,2.4836']) {
      const answer = await get(path);
      expect([answer.status, answer.headers.get('content-type')], path).toEqual([200, 'text/html; charset=utf-8']);
      expect(await answer.text(), path).toContain('<div id="root">');
    }
    const asset = await get('/assets/index-abc123.js');
    expect([asset.status, await asset.text()]).toEqual([200, 'console.log("tessera");\n']);
  });
});
