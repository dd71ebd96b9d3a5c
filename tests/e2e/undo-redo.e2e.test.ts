import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TesseraUser } from './driver.js';

interface Analysis { gaps: { features: Array<{ properties: { area: number } }> }; overlaps: { features: unknown[] } }
interface StoredParcel { id: string; properties: { version: number } }

/** The demo's engineered gap (data/demo), about 579 m². */
const DEMO_GAP = /^Personne — 5\d\d m²$/;
const normalise = (text: string) => text.replace(/\s/g, ' ');

describe('a coordinator undoes and redoes the filling of the demo gap, across the save', () => {
  let browser: Browser;
  let coordinator: TesseraUser;
  let siteId: string;
  let analysisPath: string;
  let createdId: string | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    coordinator = await TesseraUser.in(browser);
    await coordinator.open('/');
    siteId = await coordinator.demoSiteId();
    analysisPath = `/api/sites/${siteId}/analysis?phase=0&service=nettoiement`;
  });

  afterAll(async () => {
    // Other e2e files expect the demo's gap and overlap: delete the parcel if it is still there.
    if (createdId) await coordinator.deleteParcelIfPresent(createdId);
    await coordinator.expectDemoDefectsBack(siteId);
    await browser.close();
  });

  it('fills the gap, undoes it with Ctrl+Z, and redoes it with Ctrl+Shift+Z', async () => {
    await coordinator.signIn('coordination@tessera.demo');
    const gapLabel = await coordinator.waitForFinding('Liste des manques', (gap) => DEMO_GAP.test(gap));
    expect(await coordinator.historyButton('undo')).toMatchObject({ enabled: false });
    const parcelsBefore = (await coordinator.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features;

    await coordinator.fillGap(gapLabel);
    await coordinator.chooseOrganisation('Ville › Propreté urbaine');
    await coordinator.save();
    const parcelsAfter = (await coordinator.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features;
    const created = parcelsAfter.filter((parcel) => !parcelsBefore.some((before) => before.id === parcel.id));
    expect(created).toHaveLength(1);
    createdId = created[0]!.id;
    await expect.poll(() => coordinator.findings('Liste des manques'), { timeout: 60_000 }).toEqual([]);
    const undo = await coordinator.historyButton('undo');
    expect(undo).toMatchObject({ enabled: true });
    expect(undo.title).toMatch(/^Défaire : création de « Propreté » \(Ctrl\+Z\)$/);
    expect(await coordinator.historyButton('redo')).toMatchObject({ enabled: false });

    // Undo: the parcel is deleted (If-Match its version), the gap is back in the panel and on the server.
    await coordinator.undo();
    await expect.poll(async () => (await coordinator.findings('Liste des manques')).map(normalise), { timeout: 60_000 }).toEqual([normalise(gapLabel)]);
    await coordinator.screenshot('undo-gap-back');
    expect((await coordinator.callApi<Analysis>('GET', analysisPath)).body.gaps.features).toHaveLength(1);
    const history = (await coordinator.callApi<Array<{ version: number; change: string }>>('GET', `/api/parcels/${createdId}/history`)).body;
    expect(history.map((entry) => entry.change)).toEqual(['create', 'delete']);
    expect(await coordinator.historyButton('undo')).toMatchObject({ enabled: false });
    expect(await coordinator.historyButton('redo')).toMatchObject({ enabled: true });

    // Redo: the parcel comes back under the same id, and the gap is gone again.
    await coordinator.redo();
    await expect.poll(() => coordinator.findings('Liste des manques'), { timeout: 60_000 }).toEqual([]);
    await coordinator.screenshot('redo-gap-filled');
    expect((await coordinator.callApi<Analysis>('GET', analysisPath)).body.gaps.features).toEqual([]);
    const restored = await coordinator.callApi<StoredParcel>('GET', `/api/parcels/${createdId}`);
    expect(restored.status).toBe(200);
    expect(restored.body.properties.version).toBe(3);

    // Undo again: the If-Match is the restored version, so the second undo goes through too.
    await coordinator.undo();
    await expect.poll(async () => (await coordinator.findings('Liste des manques')).map(normalise), { timeout: 60_000 }).toEqual([normalise(gapLabel)]);
    expect((await coordinator.callApi<Array<{ change: string }>>('GET', `/api/parcels/${createdId}/history`)).body.at(-1)).toMatchObject({ change: 'delete' });
    expect(coordinator.errors).toEqual([]);
  });

  it('does not redo over someone else’s change: it asks, and keeping theirs drops the step', async () => {
    // Meanwhile another editor brings the parcel back: the redo's restore no longer applies to a deleted parcel.
    const deletedAt = (await coordinator.callApi<Array<{ version: number }>>('GET', `/api/parcels/${createdId}/history`)).body.at(-1)!.version;
    const theirs = await coordinator.callApi<StoredParcel>('POST', `/api/parcels/${createdId}/restore`, { version: deletedAt - 1 });
    expect(theirs.status).toBe(200);

    await coordinator.redo();
    expect(await coordinator.dialogHeading()).toBe('Modifié entre-temps par Coordination GUP (démo)');
    await coordinator.screenshot('redo-conflict');
    await coordinator.clickButton('Garder la leur');
    await expect.poll(async () => (await coordinator.historyButton('redo')).enabled, { timeout: 30_000 }).toBe(false);
    const kept = (await coordinator.callApi<StoredParcel>('GET', `/api/parcels/${createdId}`)).body;
    expect(kept.properties.version).toBe(theirs.body.properties.version);
    expect(coordinator.errors).toEqual([]);
  });
});
