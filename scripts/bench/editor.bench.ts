import { mkdirSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { Position } from '../../core/index.js';
import { makeApp } from '../../server/app.js';
import { hashPassword } from '../../server/auth/password.js';
import { ChangeFeed } from '../../server/changes/change-feed.js';
import { generateTiling, type Tiling } from '../../tests/support/generate-tiling.js';
import { buildWebIfStale } from '../lib/build-web.js';
import { launchChromium } from '../lib/chromium.js';
import { projectRoot } from '../lib/database.js';
import { ensureChromium } from '../lib/system-packages.js';
import { loadTiling } from './load-tiling.js';
import { report, summarise } from './measure.js';

const PARCELS = 5_000;
const DROPS = 30;
const WARMUP_DROPS = 2;
/** How far (screen pixels) each drag takes the vertex into its parcel, and back on the next drag. */
const DRAG_PX = 18;
/** Pointer moves per drag, as a quick hand gives. */
const DRAG_STEPS = 8;
/** The map shows a few parcels (~14 m each) around the edited one. */
const EDIT_ZOOM = 20;
const EMAIL = 'coordination@bench.invalid';
const PASSWORD = 'tessera-bench';
/** SwiftShader draws thousands of parcels in software: the first frames take a while. */
const MAP_TIMEOUT_MS = 300_000;
const SCREENSHOTS = join(projectRoot, '.data', 'bench');
/**
 * After a discrete input (the pointer release), Chromium defers posted messages (the worker's
 * answer among them) until the next frame is drawn, and SwiftShader takes ~50 ms per frame where a
 * GPU takes a few: without this, the figure would mostly time SwiftShader's rasterisation.
 */
const CHROMIUM_FLAGS = ['--disable-features=DeferRendererTasksAfterInput'];
/** The GPU process's niceness: SwiftShader rasterises on the CPU cores the page's threads leave, as a GPU would. */
const GPU_PROCESS_NICENESS = 19;

/**
 * The page's globals this bench uses: what the app's test hook (web/src/map/test-hook.ts) and the
 * bench's listeners put on `window`, and the few DOM names (the scripts are type-checked without DOM).
 */
interface PageGlobals {
  __tessera?: { map: BenchMap; renderedParcelCount: number; parcelCount?: number };
  __tesseraLiveEdits?: { requested: number; shown: Record<number, { requested?: number; answered?: number; overlay?: number; panel?: number }> };
  __benchFirstMapReady?: number;
  __benchDrops?: Array<{ at: number; edit: number }>;
  document: { querySelector(selector: string): unknown };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  requestAnimationFrame(callback: () => void): void;
  addEventListener(type: string, listener: () => void, options: object): void;
  setTimeout(callback: () => void, milliseconds: number): void;
}
interface BenchMap {
  project(position: [number, number]): { x: number; y: number };
  getCanvas(): { getBoundingClientRect(): { left: number; top: number } };
  jumpTo(options: { center: [number, number]; zoom: number }): void;
  once(event: 'idle', listener: () => void): void;
}
interface ResourceTiming { name: string; startTime: number; responseEnd: number; encodedBodySize: number }
/** One measured drop, in milliseconds after the pointer release. */
interface Drop { shown: number; answered: number }

/**
 * The editor in headless Chromium on a 5,000-parcel site: how long after a vertex drop the live
 * analysis reaches the map's overlay (handed to deck.gl) and the panel's figures (committed by
 * React), SwiftShader's rasterisation of the next frames not counted; plus the site's load times.
 */
export async function benchEditor(pool: pg.Pool): Promise<void> {
  console.log(`\nEditor in headless Chromium (SwiftShader), ${PARCELS.toLocaleString('en')}-parcel site, ${DROPS} vertex drops`);
  const tiling = generateTiling({ parcels: PARCELS, seed: 7, defects: 0.03 });
  const siteId = await loadTiling(pool, tiling, `Banc éditeur ${PARCELS}`);
  await pool.query('select analysis_recompute_site($1)', [siteId]);
  await addCoordinator(pool, siteId);
  await buildWebIfStale();
  const changes = new ChangeFeed(pool);
  const server = makeApp({ pool, changes }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium(await ensureChromium(), CHROMIUM_FLAGS);
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await lowerGpuProcessPriority(browser);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.addInitScript(recordFirstMapReady);
    await page.goto(`${base}/sites/${siteId}`);
    await page.waitForSelector('[data-map-ready="true"]', { timeout: MAP_TIMEOUT_MS });
    await reportLoad(page);
    await screenshot(page, 'site');

    await signIn(page);
    const parcel = centralParcel(tiling);
    const ring = parcel.geometry.coordinates[0]![0]!;
    await zoomTo(page, centroid(ring), EDIT_ZOOM);
    const inside = await screenPoint(page, centroid(ring));
    await page.mouse.click(inside.x, inside.y);
    await page.getByRole('button', { name: 'Modifier la parcelle' }).click({ timeout: 30_000 });
    await page.locator('form.editor__form').waitFor({ timeout: 30_000 });
    await settle(page);

    const drops = await dragVertex(page, await screenPoint(page, ring[0]!));
    const timings = summarise(drops.map((drop) => drop.shown));
    report('vertex drop → overlay data and coverage updated: median', timings.median, { under: 50 });
    report('vertex drop → overlay data and coverage updated: p95', timings.p95, null);
    console.log(`    of which the live check's answer came ${summarise(drops.map((drop) => drop.answered)).median.toFixed(1)} ms after the release (median)`);
    await reportHeap(page);
    await screenshot(page, 'editing');
    if (errors.length > 0) console.log(`    page errors: ${errors.join(' | ')}`);
  } finally {
    await browser.close();
    await changes.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await pool.query('delete from sites where id = $1', [siteId]);
  }
}

/** Gives every thread of the browser's GPU process (SwiftShader's) the lowest CPU priority. */
async function lowerGpuProcessPriority(browser: Browser): Promise<void> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  await session.detach();
  const gpu = processInfo.filter((info) => info.type === 'GPU');
  if (gpu.length === 0) throw new Error('Chromium has no GPU process to lower the priority of');
  // Linux sets niceness per thread; the threads started later inherit it from these.
  for (const info of gpu) for (const thread of readdirSync(`/proc/${info.id}/task`)) setPriority(Number(thread), GPU_PROCESS_NICENESS);
  console.log(`    SwiftShader's GPU process at nice ${GPU_PROCESS_NICENESS}; Chromium flags: ${CHROMIUM_FLAGS.join(' ')}`);
}

async function addCoordinator(pool: pg.Pool, siteId: string): Promise<void> {
  const { rows } = await pool.query<{ id: string }>(
    "insert into users (email, display_name, password_hash) values ($1, 'Coordination (banc)', $2) on conflict (email) do update set password_hash = excluded.password_hash returning id",
    [EMAIL, await hashPassword(PASSWORD)],
  );
  await pool.query("insert into site_roles (site_id, user_id, role) values ($1, $2, 'coordinator')", [siteId, rows[0]!.id]);
}

/** Runs in the page before its scripts: notes when the map first says it is idle with its parcels. */
function recordFirstMapReady(): void {
  const page = globalThis as unknown as PageGlobals;
  const observer = new page.MutationObserver(() => {
    if (!page.document.querySelector('[data-map-ready="true"]')) return;
    page.__benchFirstMapReady = performance.now();
    observer.disconnect();
  });
  observer.observe(page.document, { subtree: true, attributes: true, attributeFilter: ['data-map-ready'] });
}

async function reportLoad(page: Page): Promise<void> {
  const load = await page.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    const resources = performance.getEntriesByType('resource') as unknown as ResourceTiming[];
    const entry = resources.find((resource) => /\/api\/sites\/[^/]+\/parcels\?/.test(resource.name));
    const analysis = resources.find((resource) => /\/api\/sites\/[^/]+\/analysis\?/.test(resource.name));
    return {
      parcelsMs: entry ? entry.responseEnd - entry.startTime : NaN,
      parcelsBytes: entry?.encodedBodySize ?? 0,
      analysisMs: analysis ? analysis.responseEnd - analysis.startTime : NaN,
      firstReady: page.__benchFirstMapReady ?? NaN,
      parcelCount: page.__tessera?.parcelCount ?? null,
      rendered: page.__tessera?.renderedParcelCount ?? 0,
    };
  });
  report(`GET /parcels in the page (${(load.parcelsBytes / 1e6).toFixed(1)} MB of GeoJSON)`, load.parcelsMs, null);
  report('GET /analysis in the page (the server\'s, for the panel)', load.analysisMs, null);
  report('first map idle with the parcels drawn, from navigation', load.firstReady, null);
  console.log(`    parcels in the map's source: ${load.parcelCount ?? '?'} (those covering the shown service); rendered in the first view: ${load.rendered}`);
}

async function signIn(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const form = page.getByRole('form', { name: 'Connexion' });
  await form.getByLabel('Adresse e-mail').fill(EMAIL);
  await form.getByLabel('Mot de passe').fill(PASSWORD);
  await form.getByRole('button', { name: 'Connexion' }).click();
  await page.getByTestId('signed-in-user').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Dessiner une parcelle' }).waitFor({ timeout: 30_000 });
  await page.waitForSelector('[data-map-ready="true"]', { timeout: MAP_TIMEOUT_MS });
}

/** A parcel near the middle of the site, neither shrunk nor grown (its corners are its neighbours'). */
function centralParcel(tiling: Tiling): Tiling['parcels'][number] {
  const columns = Math.ceil(Math.sqrt(tiling.parcels.length));
  const corners = new Map<string, number>();
  for (const parcel of tiling.parcels) {
    for (const position of parcel.geometry.coordinates[0]![0]!.slice(0, -1)) corners.set(position.join(), (corners.get(position.join()) ?? 0) + 1);
  }
  const middle = Math.floor(tiling.parcels.length / 2) + Math.floor(columns / 2);
  for (let offset = 0; offset < tiling.parcels.length; offset += 1) {
    const parcel = tiling.parcels[(middle + offset) % tiling.parcels.length]!;
    const ring = parcel.geometry.coordinates[0]![0]!.slice(0, -1);
    if (parcel.properties.services.includes('nettoiement') && ring.every((position) => corners.get(position.join()) === 4)) return parcel;
  }
  throw new Error('no parcel with four shared corners in the tiling');
}

function centroid(ring: Position[]): [number, number] {
  const open = ring.slice(0, -1);
  return [open.reduce((sum, position) => sum + position[0]!, 0) / open.length, open.reduce((sum, position) => sum + position[1]!, 0) / open.length];
}

async function zoomTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(([longitude, latitude, level]) => new Promise<void>((resolve) => {
    const map = (globalThis as unknown as PageGlobals).__tessera!.map;
    map.once('idle', resolve);
    map.jumpTo({ center: [longitude!, latitude!], zoom: level! });
  }), [center[0], center[1], zoom]);
}

async function screenPoint(page: Page, position: Position): Promise<{ x: number; y: number }> {
  return page.evaluate(([longitude, latitude]) => {
    const map = (globalThis as unknown as PageGlobals).__tessera!.map;
    const point = map.project([longitude!, latitude!]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, [position[0]!, position[1]!]);
}

/** Two animation frames and a pause: the map has drawn what the last drop changed. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => {
    const page = globalThis as unknown as PageGlobals;
    page.requestAnimationFrame(() => page.requestAnimationFrame(resolve));
  }));
  await page.waitForTimeout(300);
}

/**
 * Drags the parcel's south-west corner into the parcel and back, DROPS times after a warm-up, with
 * real mouse events, and ends with the corner dragged in (the screenshot shows the gap it opens).
 * The release time is taken in the page by a capture listener, before the app sees the event.
 */
async function dragVertex(page: Page, corner: { x: number; y: number }): Promise<Drop[]> {
  await page.evaluate(() => {
    const bench = globalThis as unknown as PageGlobals;
    bench.__benchDrops = [];
    bench.addEventListener('pointerup', () => {
      const drop = { at: performance.now(), edit: -1 };
      bench.__benchDrops!.push(drop);
      // Once the app has handled the release: the edit it sent to the live check (or the last one sent while dragging).
      bench.setTimeout(() => (drop.edit = bench.__tesseraLiveEdits?.requested ?? 0), 0);
    }, { capture: true });
  });
  // Through the DevTools protocol rather than page.mouse, which waits for each event's frame.
  const input = await page.context().newCDPSession(page);
  const mouse = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', point: { x: number; y: number }, buttons: 0 | 1) =>
    input.send('Input.dispatchMouseEvent', { type, x: point.x, y: point.y, button: type === 'mouseMoved' && buttons === 0 ? 'none' : 'left', buttons, clickCount: type === 'mouseMoved' ? 0 : 1 });
  const inward = { x: corner.x + DRAG_PX, y: corner.y - DRAG_PX };
  const drops: Drop[] = [];
  let lastEdit = await page.evaluate(() => (globalThis as unknown as PageGlobals).__tesseraLiveEdits?.requested ?? 0);
  for (let drag = 0; drag < WARMUP_DROPS + DROPS + 1; drag += 1) {
    const [from, to] = drag % 2 === 0 ? [corner, inward] : [inward, corner];
    await mouse('mouseMoved', from, 0);
    await mouse('mousePressed', from, 1);
    for (let step = 1; step < DRAG_STEPS; step += 1) {
      await mouse('mouseMoved', { x: from.x + ((to.x - from.x) * step) / DRAG_STEPS, y: from.y + ((to.y - from.y) * step) / DRAG_STEPS }, 1);
    }
    // The last move and the release back to back, as a hand lets go: the release does not wait for the move's frame.
    await Promise.all([mouse('mouseMoved', to, 1), mouse('mouseReleased', to, 0)]);
    const drop = await shownAfterRelease(page, drag + 1);
    if (drop.edit === lastEdit) throw new Error(`drag ${drag + 1}: the vertex did not move (no edit was sent to the live check)`);
    if (drag >= WARMUP_DROPS && drops.length < DROPS) drops.push({ shown: Math.max(0, drop.shown - drop.at), answered: drop.answered - drop.at });
    lastEdit = drop.edit;
    await settle(page);
  }
  await input.detach();
  return drops;
}

/** Waits until the analysis of the edit sent last before the `count`th release is shown; its times (page clock). */
async function shownAfterRelease(page: Page, count: number): Promise<{ at: number; edit: number; answered: number; shown: number }> {
  const handle = await page.waitForFunction((count) => {
    const bench = globalThis as unknown as PageGlobals;
    const drop = bench.__benchDrops?.[count - 1];
    const times = drop && drop.edit >= 0 ? bench.__tesseraLiveEdits?.shown[drop.edit] : undefined;
    return drop && drop.edit >= 0 && times?.overlay !== undefined && times.panel !== undefined
      ? { at: drop.at, edit: drop.edit, answered: times.answered ?? NaN, shown: Math.max(times.overlay, times.panel) }
      : null;
  }, count, { timeout: 60_000, polling: 10 }).catch(async (error: Error) => {
    const record = await page.evaluate(() => JSON.stringify((globalThis as unknown as PageGlobals).__tesseraLiveEdits ?? null));
    throw new Error(`drop ${count}: the live analysis was not shown (${error.message}); the page's record: ${record}`);
  });
  return (await handle.jsonValue())!;
}

/** The JS heap of the page and of its live-check worker (through the DevTools protocol, after a collection in each). */
async function reportHeap(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  const workerHeap = await liveCheckWorkerHeap(session);
  await session.detach();
  console.log(`    JS heap after the drops: page ${(usedSize / 1e6).toFixed(1)} MB${workerHeap === null ? '' : `, live-check worker ${(workerHeap / 1e6).toFixed(1)} MB`}`);
}

/** The used heap of the live-check worker, through a session attached to it (null if not found). */
async function liveCheckWorkerHeap(session: CDPSession): Promise<number | null> {
  const { targetInfos } = await session.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'worker' && target.url.includes('live-check'));
  if (!worker) return null;
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  const answer = new Promise<number>((resolve) => {
    session.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
      if (event.sessionId === sessionId && message.id === 1) resolve(message.result?.usedSize ?? NaN);
    });
  });
  await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 0, method: 'HeapProfiler.collectGarbage' }) });
  await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
  const used = await answer;
  await session.send('Target.detachFromTarget', { sessionId });
  return used;
}

async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(SCREENSHOTS, `editor-${PARCELS}-parcels-${name}.png`);
  await page.screenshot({ path });
  console.log(`    screenshot: ${path}`);
}
