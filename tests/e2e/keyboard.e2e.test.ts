import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, TesseraUser } from './driver.js';

interface StoredParcel {
  id: string;
  properties: { label: string | null; organisationId: string; version: number; fromPhase: number };
}

/** Two streets of the demo both cleaned by the city's cleaning department ("Propreté"). */
const AVENUE = 'Avenue de la République — chaussée et trottoirs';
const COURS = 'Cours de la République — chaussée et trottoirs';

describe('a coordinator finds, selects and picks parcels for a merge with the keyboard alone', () => {
  let browser: Browser;
  let coordinator: TesseraUser;
  let siteId: string;
  let versionsBefore: Map<string, number>;

  const parcelsAtPhase0 = async () =>
    (await coordinator.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features;
  const idOf = (parcels: readonly StoredParcel[], label: string) => parcels.find((parcel) => parcel.properties.label === label)!.id;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ user: coordinator, siteId } = await TesseraUser.onDemoSite(browser, 'coordination@tessera.demo'));
    await coordinator.waitForMap();
    versionsBefore = new Map((await parcelsAtPhase0()).map((parcel) => [parcel.id, parcel.properties.version]));
  });

  afterAll(async () => {
    // Nothing was saved: other e2e files read the demo site as it was.
    await coordinator.expectDemoDefectsBack(siteId);
    await browser.close();
  });

  it('types in the parcel search, selects a street with Enter, merges it with a second one picked from the list, then cancels', async () => {
    const parcels = await parcelsAtPhase0();
    const [avenueId, coursId] = [idOf(parcels, AVENUE), idOf(parcels, COURS)];
    const zoomBefore = await coordinator.mapZoom();

    // Find: no accents, no capitals.
    await coordinator.tabTo('searchbox', 'Rechercher une parcelle');
    await coordinator.typeText('republique chaussee');
    await expect.poll(() => coordinator.parcelListItems(), { timeout: 10_000 }).toEqual([
      expect.stringMatching(new RegExp(`^${AVENUE} Ville › Propreté urbaine [\\d\\s\\u202f]+ m²$`)),
      expect.stringMatching(new RegExp(`^${COURS} Ville › Propreté urbaine [\\d\\s\\u202f]+ m²$`)),
    ]);

    // Select: ArrowDown into the list, Enter; the panel shows the parcel, the map outlines it and moves onto it.
    await coordinator.press('ArrowDown');
    expect(await coordinator.focusedText()).toMatch(new RegExp(`^${AVENUE} `));
    await coordinator.press('Enter');
    await expect.poll(() => coordinator.selectedParcelLabel(), { timeout: 10_000 }).toBe(AVENUE);
    expect(await coordinator.parcelListItems(true)).toEqual([expect.stringMatching(new RegExp(`^${AVENUE} `))]);
    await coordinator.waitForMap();
    expect(await coordinator.outlinedParcelIds()).toEqual([avenueId]);
    expect(await coordinator.mapZoom()).toBeGreaterThan(zoomBefore);
    await coordinator.screenshot('keyboard-parcel-selected');

    // Merge: back to the editor's "Fusionner…", then the second street from the list.
    await coordinator.tabTo('button', 'Fusionner…', 'backwards');
    await coordinator.press('Enter');
    expect(await coordinator.editorStatus()).toMatch(/\(1 choisie\)/);
    // The button is gone: the focus is on what the merge asks for, not lost on the page.
    expect(await coordinator.focusedText()).toMatch(/^Choisissez sur la carte ou dans la liste .*\(1 choisie\)\.$/);
    await coordinator.tabTo('searchbox', 'Rechercher une parcelle');
    await coordinator.press('ArrowDown');
    await coordinator.press('ArrowDown');
    expect(await coordinator.focusedText()).toMatch(new RegExp(`^${COURS} `));
    await coordinator.press('Enter');
    await expect.poll(() => coordinator.editorStatus(), { timeout: 10_000 }).toMatch(/\(2 choisies\)/);
    expect(await coordinator.parcelListItems(true)).toHaveLength(2);
    await coordinator.waitForMap();
    expect([...(await coordinator.outlinedParcelIds())].sort()).toEqual([avenueId, coursId].sort());
    await coordinator.screenshot('keyboard-merge-picked');

    // Cancel: nothing is saved.
    await coordinator.tabTo('button', 'Annuler', 'backwards');
    await coordinator.press('Enter');
    await expect.poll(() => coordinator.seesButton('Fusionner…'), { timeout: 10_000 }).toBe(true);
    const after = await parcelsAtPhase0();
    expect(new Map(after.map((parcel) => [parcel.id, parcel.properties.version]))).toEqual(versionsBefore);

    // Escape empties the search: every parcel of the map is listed again; End goes to the last one.
    await coordinator.tabTo('searchbox', 'Rechercher une parcelle');
    await coordinator.press('Escape');
    await expect.poll(async () => (await coordinator.parcelListItems()).length, { timeout: 10_000 }).toBeGreaterThan(20);
    await coordinator.press('ArrowDown');
    await coordinator.press('End');
    expect(await coordinator.focusedText()).toBe((await coordinator.parcelListItems()).at(-1));
    await coordinator.screenshot('keyboard-parcel-list');
    expect(coordinator.errors).toEqual([]);
  });
});
