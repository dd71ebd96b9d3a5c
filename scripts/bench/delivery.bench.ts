import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { makeApp } from '../../server/app.js';
import { ChangeFeed } from '../../server/changes/change-feed.js';
import { DEMO_PASSWORD, loadDemo } from '../../server/demo/load-demo.js';
import { generateTiling } from '../../tests/support/generate-tiling.js';
import { getRaw } from '../../tests/support/raw-get.js';
import { buildWebIfStale } from '../lib/build-web.js';
import { launchChromium } from '../lib/chromium.js';
import { projectRoot } from '../lib/database.js';
import { ensureChromium } from '../lib/system-packages.js';
import { loadTiling } from './load-tiling.js';

const LARGE_SITE_PARCELS = 10_000;
const COORDINATOR = 'coordination@tessera.demo';
/** What a viewer's first load should weigh at most (issue 9). */
const VIEWER_JAVASCRIPT_TARGET_BYTES = 450_000;
const MAP_TIMEOUT_MS = 300_000;
/** The sources whose chunks only an editor needs (web/dist/.vite/manifest.json names them). */
const EDITOR_SOURCES = ['src/components/Editor.tsx', 'src/analysis/live-check.worker.ts'];

interface FetchedScript { url: string; bytes: number; requestedAt: number }
/**
 * The scripts of a first load: those requested before the map was ready, then those until the analysis overlay is drawn;
 * signed in, those from pressing "Dessiner une parcelle" until drawing starts.
 */
interface FirstLoad { beforeMap: FetchedScript[]; untilOverlay: FetchedScript[]; firstEdit: FetchedScript[] }

/**
 * What a first load costs on the wire: the compressed JavaScript a viewer and a coordinator fetch
 * before the demo's map is ready (base map and parcels drawn, the analysis answered), then until the
 * analysis overlay (deck.gl, fetched once the map is ready) is drawn over it; whether the editor
 * came with it; what a coordinator's first edit fetches; and the compressed parcels answer.
 */
export async function benchDelivery(pool: pg.Pool): Promise<void> {
  console.log('\nDelivery: bytes on the wire (compressed as served), headless Chromium');
  await loadDemo(pool);
  const large = generateTiling({ parcels: LARGE_SITE_PARCELS, seed: 11, defects: 0.03 });
  const largeSiteId = await loadTiling(pool, large, `Banc livraison ${LARGE_SITE_PARCELS}`);
  await buildWebIfStale();
  const changes = new ChangeFeed(pool);
  const server = makeApp({ pool, changes }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium(await ensureChromium());
  try {
    const { rows } = await pool.query<{ id: string }>("select id from sites where id <> $1 order by name limit 1", [largeSiteId]);
    const demoSiteId = rows[0]!.id;
    const editorChunks = editorChunkFiles();
    console.log(`    editor chunks in the build: ${editorChunks.length > 0 ? editorChunks.join(', ') : 'none (the editor is bundled in the entry)'}`);
    // The page's default view shows one service, so its analysis too.
    const viewer = await firstLoadScripts(browser, `${base}/sites/${demoSiteId}`, null);
    printLoad('viewer (anonymous)', viewer, editorChunks, VIEWER_JAVASCRIPT_TARGET_BYTES);
    const coordinator = await firstLoadScripts(browser, `${base}/sites/${demoSiteId}`, COORDINATOR);
    printLoad('coordinator (signed in)', coordinator, editorChunks, null);
    console.log(`  coordinator's first edit ("Dessiner une parcelle"): ${kilobytes(totalBytes(coordinator.firstEdit))} of JavaScript until drawing starts, ${coordinator.firstEdit.length} files`);
    console.log(`    ${listScripts(coordinator.firstEdit)}`);
    for (const [label, siteId] of [['demo', demoSiteId], [`${LARGE_SITE_PARCELS.toLocaleString('en')}-parcel site`, largeSiteId]] as const) {
      const path = `/api/sites/${siteId}/parcels?phase=0`;
      // As browsers ask: brotli or gzip.
      const answer = await getRaw(base + path, 'br, gzip');
      const encoding = answer.headers['content-encoding'] ?? 'uncompressed';
      console.log(`  GET …/parcels, ${label}: ${kilobytes(answer.body.length)} on the wire (${encoding}), ${kilobytes(Buffer.byteLength(answer.text))} of GeoJSON`);
    }
  } finally {
    await browser.close();
    await changes.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await pool.query('delete from sites where id = $1', [largeSiteId]);
  }
}

/**
 * Opens a site page in a fresh context (signed in first when `email` is given, so that the page
 * loads as it does for that role) and lists the JavaScript responses until the map is ready, then
 * those until the analysis overlay is drawn; signed in, then those from pressing "Dessiner une parcelle"
 * until drawing starts and the live check's worker came.
 */
async function firstLoadScripts(browser: Browser, url: string, email: string | null): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    if (email) await signIn(page, new URL(url).origin, email);
    const load: Array<Promise<FetchedScript | null>> = [];
    const firstEdit: Array<Promise<FetchedScript | null>> = [];
    let scripts: typeof load | null = load;
    page.on('response', (response) => {
      if (!scripts || !/javascript/.test(response.headers()['content-type'] ?? '')) return;
      const request = response.request();
      scripts.push(request.sizes().then(
        // Chromium reports no sizes for a worker's script: its Content-Length (the compressed file's) says the same.
        (sizes) => ({ url: response.url(), bytes: sizes.responseBodySize || Number(response.headers()['content-length'] ?? 0), requestedAt: request.timing().startTime }),
        () => null,
      ));
    });
    await page.goto(url);
    await page.waitForSelector('[data-map-ready="true"]', { timeout: MAP_TIMEOUT_MS });
    // Read at once: a later view would move it. What was requested before it counts, whenever it arrived.
    const readyAt = await page.evaluate(() => (globalThis as unknown as { __tessera: { readyAt: number } }).__tessera.readyAt);
    // The map is ready with the analysis answered: the overlay has it, and draws it once its code is there.
    await page.waitForSelector('[data-map-ready="true"][data-analysis-drawn="true"]', { timeout: MAP_TIMEOUT_MS });
    scripts = firstEdit;
    if (email) {
      const worker = page.waitForResponse((response) => /live-check\.worker/.test(response.url()), { timeout: MAP_TIMEOUT_MS });
      await page.getByRole('button', { name: 'Dessiner une parcelle' }).click();
      await page.getByRole('button', { name: 'Aimantation' }).waitFor({ timeout: MAP_TIMEOUT_MS });
      await worker;
    }
    scripts = null;
    const fetched = async (list: typeof load) => (await Promise.all(list)).filter((script): script is FetchedScript => script !== null);
    const loaded = await fetched(load);
    return {
      beforeMap: loaded.filter((script) => script.requestedAt <= readyAt),
      untilOverlay: loaded.filter((script) => script.requestedAt > readyAt),
      firstEdit: await fetched(firstEdit),
    };
  } finally {
    await context.close();
  }
}

/** Signs in through the API, so that the page's own load is measured alone. */
async function signIn(page: Page, origin: string, email: string): Promise<void> {
  const response = await page.request.post(`${origin}/api/session`, { data: { email, password: DEMO_PASSWORD } });
  if (!response.ok()) throw new Error(`signing in as ${email} answered ${response.status()}`);
}

function printLoad(who: string, load: FirstLoad, editorChunks: string[], target: number | null): void {
  const bytes = totalBytes(load.beforeMap);
  const verdict = target === null ? '' : `  target ≤ ${kilobytes(target)}: ${bytes <= target ? 'met' : 'MISSED'}`;
  console.log(`  ${who}: ${kilobytes(bytes)} of JavaScript before the map is ready, ${load.beforeMap.length} files${verdict}`);
  console.log(`    ${listScripts(load.beforeMap)}`);
  console.log(`    then ${kilobytes(totalBytes(load.untilOverlay))} more until the analysis overlay is drawn (${kilobytes(bytes + totalBytes(load.untilOverlay))} in all): ${listScripts(load.untilOverlay) || 'nothing'}`);
  const scripts = [...load.beforeMap, ...load.untilOverlay];
  const editorFetched = editorChunks.length === 0 || scripts.some((script) => editorChunks.some((chunk) => script.url.endsWith(chunk)));
  console.log(`    editor and live-check code fetched: ${editorFetched ? 'yes' : 'no'}${editorChunks.length === 0 ? ' (in the entry bundle)' : ''}`);
}

/** The hashed files of the editor's chunks and the live-check worker, from Vite's manifest. */
function editorChunkFiles(): string[] {
  const manifestPath = join(projectRoot, 'web', 'dist', '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return [];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string; isDynamicEntry?: boolean }>;
  return Object.entries(manifest)
    .filter(([source, chunk]) => EDITOR_SOURCES.includes(source) && (chunk.isDynamicEntry || source.endsWith('.worker.ts')))
    .map(([, chunk]) => chunk.file);
}

function totalBytes(scripts: FetchedScript[]): number {
  return scripts.reduce((sum, script) => sum + script.bytes, 0);
}

function listScripts(scripts: FetchedScript[]): string {
  return scripts.map((script) => `${new URL(script.url).pathname.split('/').pop()} ${kilobytes(script.bytes)}`).join(', ');
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
