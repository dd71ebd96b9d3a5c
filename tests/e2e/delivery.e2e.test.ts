import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GAP_ROUGH_OUTLINE, launchBrowser, TesseraUser } from './driver.js';

/** The chunks only an editor needs: the editor, its dialogs, the drawing code (terra-draw), the editing geometry, and the live-check worker. */
const EDITOR_CODE = /\/assets\/(Editor|EditorConflictDialog|EditHistoryControls|ResolveOverlapDialog|parcel-drawing|live-check\.worker)-[\w-]+\.m?js$/;
const MAP_WORKER = /\/assets\/maplibre-gl-worker-[\w-]+\.mjs$/;
/** The analysis overlay's chunk (deck.gl), fetched once the map is ready when there is an analysis to draw. */
const OVERLAY_CODE = /\/assets\/analysis-overlay-[\w-]+\.js$/;
/** Below this many bytes a script may come uncompressed: brotli would not make it smaller. */
const TOO_SMALL_TO_COMPRESS = 200;
/** Time for any script fetched late (after the map is ready) to show up. */
const SETTLE_MS = 2000;

describe('a light first load: the editor comes only to those who edit, when they edit', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it("an anonymous viewer's load fetches the map, compressed, and no editor chunk and no live-check worker", async () => {
    const viewer = await TesseraUser.in(browser);
    const scripts = viewer.recordScripts();
    await viewer.open('/');
    await viewer.wait(SETTLE_MS);
    expect(scripts.some((script) => MAP_WORKER.test(script.url))).toBe(true);
    expect(scripts.filter((script) => EDITOR_CODE.test(script.url)).map((script) => script.url)).toEqual([]);
    // Every script comes in brotli, but one so small that compressing it would make it larger (a
    // 63-byte shared chunk: the build keeps no compressed copy of it).
    for (const script of scripts) {
      if (script.encoding === null && script.length !== null && script.length < TOO_SMALL_TO_COMPRESS) continue;
      expect(script.encoding, script.url).toBe('br');
    }
    // The default view shows the cleaning analysis: the overlay's code came after the map, and drew it.
    await viewer.waitForAnalysisOverlay();
    expect(scripts.filter((script) => OVERLAY_CODE.test(script.url))).toHaveLength(1);
    // Reading the map still works: a service chosen, its parcels drawn.
    await viewer.chooseService('Espaces verts');
    expect(await viewer.renderedParcelCount()).toBeGreaterThan(0);
    await viewer.wait(SETTLE_MS);
    expect(scripts.filter((script) => EDITOR_CODE.test(script.url))).toEqual([]);
    expect(viewer.errors).toEqual([]);
  });

  it('a viewer of every service at once (no analysis to draw) never fetches the overlay (deck.gl)', async () => {
    const viewer = await TesseraUser.in(browser);
    const scripts = viewer.recordScripts();
    await viewer.open(`/sites/${await viewer.demoSiteId()}?service=all`);
    await viewer.wait(SETTLE_MS);
    expect(scripts.some((script) => MAP_WORKER.test(script.url))).toBe(true);
    expect(scripts.filter((script) => OVERLAY_CODE.test(script.url))).toEqual([]);
    expect(await viewer.analysisOverlayDrawn()).toBe(true);
    expect(viewer.errors).toEqual([]);
  });

  it('a coordinator fetches the editor and the worker only at the first edit, and draws a parcel with them at once', async () => {
    const coordinator = await TesseraUser.in(browser);
    const scripts = coordinator.recordScripts();
    await coordinator.open('/');
    expect(scripts.filter((script) => EDITOR_CODE.test(script.url))).toEqual([]);
    await coordinator.signIn('coordination@tessera.demo');
    // Signed in, the tools are there, but nothing of the editor is fetched until one is pressed.
    expect(await coordinator.seesButton('Dessiner une parcelle')).toBe(true);
    await coordinator.chooseService('Nettoiement');
    await coordinator.wait(SETTLE_MS);
    expect(scripts.filter((script) => EDITOR_CODE.test(script.url)).map((script) => script.url)).toEqual([]);
    // The first press waits for the editor's chunk, then draws.
    await coordinator.drawPolygon(DEMO_GAP_ROUGH_OUTLINE);
    const fetched = scripts.filter((script) => EDITOR_CODE.test(script.url)).map((script) => new URL(script.url).pathname);
    expect(fetched.some((path) => path.includes('/Editor-'))).toBe(true);
    expect(fetched.some((path) => path.includes('/parcel-drawing-'))).toBe(true);
    expect(fetched.some((path) => path.includes('/live-check.worker-'))).toBe(true);
    // Avoiding overlaps fits the rough outline to the gap: the drawing, the editing geometry and the form all ran.
    const { area, vertices } = await coordinator.shapeFigures();
    expect(area).toBeGreaterThan(500);
    expect(area).toBeLessThan(600);
    expect(vertices).toBeGreaterThanOrEqual(4);
    await coordinator.screenshot('delivery-coordinator-drawing');
    await coordinator.press('Escape');
    expect(await coordinator.seesButton('Dessiner une parcelle')).toBe(true);
    expect(coordinator.errors).toEqual([]);
  });
});
