import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_STYLES, FOCUSED_FINDING_STYLE } from '../../web/src/map/map-symbols.js';
import { DESKTOP, launchBrowser, TesseraUser, type Rgb } from './driver.js';

/** The overlay's own chunk (deck.gl and its layers), fetched once the map is ready. */
const OVERLAY_CODE = /\/assets\/analysis-overlay-[\w-]+\.js$/;
const rgb = ([red, green, blue]: readonly number[]): Rgb => [red!, green!, blue!];
const GAP_COLOUR = rgb(ANALYSIS_STYLES.gaps.colour);
const FOCUSED_OUTLINE = rgb(FOCUSED_FINDING_STYLE.colour);
/** Pixels of a colour that say it is drawn: the gap the map is zoomed on spans tens of thousands. */
const DRAWN = 1000;

describe('the analysis overlay comes after the map and shows what was chosen while its code was on the way', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('a viewer reads the map and picks a gap before the overlay is there; the gap is then hatched and outlined', async () => {
    const viewer = await TesseraUser.in(browser, DESKTOP);
    const overlayCode = await viewer.holdScripts(OVERLAY_CODE);
    await viewer.open('/');
    // The map is ready (parcels drawn, the cleaning analysis listed) without deck.gl.
    expect(overlayCode.held()).toBe(1);
    expect(await viewer.analysisOverlayDrawn()).toBe(false);
    const gap = await viewer.waitForFinding('Liste des manques');
    await viewer.focusFinding(gap);
    expect(await viewer.mapPixelsOf(GAP_COLOUR)).toBeLessThan(DRAWN / 10);
    const outlinedBefore = await viewer.mapPixelsOf(FOCUSED_OUTLINE);

    overlayCode.release();
    await viewer.waitForAnalysisOverlay();
    expect(await viewer.mapPixelsOf(GAP_COLOUR)).toBeGreaterThan(DRAWN);
    // The gap chosen before the overlay came is the one outlined in black.
    expect(await viewer.mapPixelsOf(FOCUSED_OUTLINE)).toBeGreaterThan(outlinedBefore + DRAWN);
    await viewer.screenshot('analysis-overlay-gap-focused');
    expect(overlayCode.held()).toBe(1);
    expect(viewer.errors).toEqual([]);
  });

  it('changing service and phase while the code is on its way: the overlay draws the last view, then follows the next ones', async () => {
    const viewer = await TesseraUser.in(browser, DESKTOP);
    const overlayCode = await viewer.holdScripts(OVERLAY_CODE);
    await viewer.open('/');
    await viewer.chooseService('Espaces verts');
    await viewer.choosePhase('Travaux : démolition et résidentialisation');
    await viewer.chooseService('Nettoiement');
    await viewer.choosePhase('État actuel');
    expect(await viewer.analysisOverlayDrawn()).toBe(false);

    overlayCode.release();
    await viewer.waitForAnalysisOverlay();
    expect(overlayCode.held()).toBe(1);
    await viewer.screenshot('analysis-overlay-site');
    await viewer.chooseService('Espaces verts');
    await viewer.waitForAnalysisOverlay();
    await viewer.chooseService('Tous les services');
    expect(await viewer.analysisOverlayDrawn()).toBe(true);
    expect(viewer.errors).toEqual([]);
  });
});
