import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TesseraUser } from './driver.js';

describe('a coordinator reads the cleaning analysis of the demo site', () => {
  let browser: Browser;
  let user: TesseraUser;
  beforeAll(async () => {
    browser = await launchBrowser();
    // Signed in: the live check (a Web Worker) runs only for those who may edit, from their first gesture.
    ({ user } = await TesseraUser.onDemoSite(browser, 'coordination@tessera.demo'));
    // Signing in re-renders the panel with the editing actions: wait for the gaps to be listed again.
    await user.waitForFinding('Liste des manques', (item) => item.startsWith('Personne'));
  });
  afterAll(() => browser.close());

  it('sees the coverage and the engineered defects: a gap, an overlap, an overflow', async () => {
    expect(await user.analysisSummary()).toMatch(/^\d{2},\d\s%\scouvert — \d+ manque/);
    // Each list is waited for: the panel may render again between two looks (the live check's worker
    // answering, a reload after signing in), and a list read at that moment is empty.
    await user.waitForFinding('Liste des manques', (gap) => /^Personne — 5\d\d m²$/.test(gap));
    await user.waitForFinding('Liste des chevauchements', (overlap) => /^Conflit .+ — 4\d\d m²$/.test(overlap));
    await user.waitForFinding('Liste des débords');
    await user.screenshot('analysis-panel');
  });

  it('computes the same gaps and overlaps in the browser (a Web Worker) as the server', async () => {
    // The worker starts with the first gesture: drawing, then given up.
    await user.startDrawing();
    const live = await user.liveAnalysis();
    await user.press('Escape');
    const [site] = (await user.callApi<Array<{ id: string }>>('GET', '/api/sites')).body;
    const server = (await user.callApi<{ gaps: { features: unknown[] }; gapArea: number; overlaps: { features: unknown[] }; overlapArea: number }>(
      'GET', `/api/sites/${site!.id}/analysis?phase=0&service=nettoiement`,
    )).body;
    expect([live.gapCount, live.overlapCount]).toEqual([server.gaps.features.length, server.overlaps.features.length]);
    expect(Math.abs(live.gapArea - server.gapArea)).toBeLessThanOrEqual(0.0005 * server.gapArea);
    expect(Math.abs(live.overlapArea - server.overlapArea)).toBeLessThanOrEqual(0.0005 * server.overlapArea);
  });

  it('zooms to a gap when it is clicked', async () => {
    const before = await user.mapZoom();
    const [largestGap] = await user.findings('Liste des manques');
    await user.focusFinding(largestGap!);
    expect(await user.mapZoom()).toBeGreaterThan(before + 1);
    await user.screenshot('analysis-gap-focused');
    expect(user.errors).toEqual([]);
  });
});
