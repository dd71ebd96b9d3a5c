import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../core/index.js';
import { areaOf, interiorPoint } from '../support/parcel-geometry.js';
import { DEMO_GAP_ROUGH_OUTLINE, launchBrowser, TesseraUser } from './driver.js';

interface StoredParcel {
  id: string;
  geometry: MultiPolygon;
  properties: Record<string, unknown> & { organisationId: string; label: string | null; version: number; fromPhase: number };
}
interface Organisation { id: string; shortName: string }

/** Zoom at which the demo gap (about 65 × 20 m) fills a good part of the map. */
const EDIT_ZOOM = 19;
const DEMO_GAP = /^Personne — 5\d\d m²$/;
const LABEL = 'Placette de la profondeur';

/** What a user sees of a parcel: its shape and attributes, versions aside. */
const contentOf = (parcel: StoredParcel) => {
  const { version: _version, updatedAt: _at, updatedBy: _by, ...properties } = parcel.properties;
  return { geometry: parcel.geometry, properties };
};
const contentsOf = (parcels: readonly StoredParcel[]) => new Map(parcels.map((parcel) => [parcel.id, contentOf(parcel)]));

describe('a coordinator undoes five different gestures and redoes them, with no false conflict', () => {
  let browser: Browser;
  let coordinator: TesseraUser;
  let landlord: TesseraUser;
  let siteId: string;
  let organisations: Organisation[];
  let start: StoredParcel[];
  let writes: ReturnType<TesseraUser['recordWrites']>;
  /** Parcels this file created (under their ids, redo brings them back), deleted at the end if still there. */
  const created = new Set<string>();

  const parcelsAtPhase0 = async () =>
    (await coordinator.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features.filter((parcel) => parcel.properties.fromPhase === 0);
  const parcel = async (id: string) => (await coordinator.callApi<StoredParcel>('GET', `/api/parcels/${id}`)).body;
  const managerOf = (each: StoredParcel) => organisations.find((organisation) => organisation.id === each.properties.organisationId)!.shortName;
  /** The parcels whose shape or attributes differ from `before`'s, and those that appeared. */
  const changedSince = (before: readonly StoredParcel[], after: readonly StoredParcel[]) => {
    const old = contentsOf(before);
    return after.filter((each) => JSON.stringify(old.get(each.id)) !== JSON.stringify(contentOf(each)));
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ user: coordinator, siteId } = await TesseraUser.onDemoSite(browser, 'coordination@tessera.demo'));
    ({ user: landlord } = await TesseraUser.onDemoSite(browser, 'bailleur@tessera.demo'));
    organisations = (await coordinator.callApi<Organisation[]>('GET', '/api/organisations')).body;
    start = await parcelsAtPhase0();
    writes = coordinator.recordWrites();
  });

  afterAll(async () => {
    // Other e2e files read the demo site: whatever happened here, give it back as it was.
    for (const id of created) if (!start.some((each) => each.id === id)) await coordinator.deleteParcelIfPresent(id);
    const changed = changedSince(await parcelsAtPhase0(), start).map((each) => [each.id, each.properties.version] as const);
    await coordinator.restoreParcelVersions(new Map(changed));
    await coordinator.expectDemoDefectsBack(siteId);
    await browser.close();
  });

  let end: StoredParcel[];
  let splitNeighbours: StoredParcel[];

  it('draws over the gap, renames, splits (naming the neighbours it adds a vertex to), merges and deletes: five steps', async () => {
    // 1. Draw roughly over the gap: avoiding overlaps fits it.
    const gap = await coordinator.waitForFinding('Liste des manques', (label) => DEMO_GAP.test(label));
    await coordinator.focusFinding(gap);
    await coordinator.drawPolygon(DEMO_GAP_ROUGH_OUTLINE);
    await coordinator.fillParcelForm({ organisation: 'Ville › Propreté urbaine', services: ['Nettoiement'] });
    console.log(`history depth: the drawn parcel's status: ${await coordinator.editorStatus()}`);
    await coordinator.save();
    const drawn = (await parcelsAtPhase0()).filter((each) => !start.some((before) => before.id === each.id));
    expect(drawn).toHaveLength(1);
    const placette = drawn[0]!;
    created.add(placette.id);

    // 2. Rename it.
    await coordinator.selectParcel(placette.geometry, EDIT_ZOOM);
    await coordinator.startEditingSelectedParcel();
    await coordinator.fillParcelForm({ organisation: 'Ville › Propreté urbaine', services: ['Nettoiement'], label: LABEL });
    await coordinator.save();
    expect((await parcel(placette.id)).properties.label).toBe(LABEL);

    // 3. Split it north–south through its middle: the cuts land on the edges it shares with its neighbours.
    const beforeSplit = await parcelsAtPhase0();
    const renamed = await parcel(placette.id);
    const [lon, lat] = interiorPoint(renamed.geometry);
    const latitudes = renamed.geometry.coordinates.flat(2).map((position) => position[1]!);
    await coordinator.selectParcel(renamed.geometry, EDIT_ZOOM);
    await coordinator.splitSelectedParcelAlong([[lon, Math.min(...latitudes) - 0.00005], [lon, Math.max(...latitudes) + 0.00005]]);
    const status = await coordinator.editorStatus();
    await coordinator.screenshot('history-depth-split-neighbours');
    await coordinator.confirmGesture(/^Découper en 2 parcelles$/);
    const afterSplit = await parcelsAtPhase0();
    const pieces = afterSplit.filter((each) => !beforeSplit.some((before) => before.id === each.id));
    expect(pieces).toHaveLength(1);
    created.add(pieces[0]!.id);
    splitNeighbours = changedSince(beforeSplit, afterSplit).filter((each) => each.id !== placette.id && each.id !== pieces[0]!.id)
      .map((each) => beforeSplit.find((before) => before.id === each.id)!);
    // The split reached neighbours, of another manager among them, and the status named every one before the save.
    expect(splitNeighbours.length).toBeGreaterThanOrEqual(1);
    expect(splitNeighbours.some((each) => each.properties.organisationId !== renamed.properties.organisationId)).toBe(true);
    const count = splitNeighbours.length;
    expect(status).toContain(`La découpe a aussi ajouté un sommet à ${count} parcelle${count > 1 ? 's' : ''} voisine${count > 1 ? 's' : ''} : `);
    for (const neighbour of splitNeighbours) expect(status).toContain(`${managerOf(neighbour)} — ${neighbour.properties.label ?? '—'}`);

    // 4. Merge the two pieces back into one parcel.
    const kept = await parcel(placette.id);
    await coordinator.selectParcel(kept.geometry, EDIT_ZOOM);
    await coordinator.mergeSelectedWith(pieces[0]!.geometry, EDIT_ZOOM);
    expect((await coordinator.callApi('GET', `/api/parcels/${pieces[0]!.id}`)).status).toBe(404);

    // 5. Delete the merged parcel.
    const merged = await parcel(placette.id);
    expect(areaOf(merged.geometry)).toBeCloseTo(areaOf(renamed.geometry), 0);
    await coordinator.selectParcel(merged.geometry, EDIT_ZOOM);
    await coordinator.deleteSelectedParcel();
    expect((await coordinator.callApi('GET', `/api/parcels/${placette.id}`)).status).toBe(404);
    end = await parcelsAtPhase0();
    expect(coordinator.errors).toEqual([]);
  });

  it('five Ctrl+Z give the demo back exactly, its gap and overlap too; five Ctrl+Shift+Z give the five gestures back', async () => {
    for (let count = 0; count < 5; count += 1) {
      await coordinator.undo();
      expect(await coordinator.seesButton('Garder la mienne')).toBe(false);
    }
    expect(await coordinator.historyButton('undo')).toMatchObject({ enabled: false });
    expect(contentsOf(await parcelsAtPhase0())).toEqual(contentsOf(start));
    await coordinator.expectDemoDefectsBack(siteId);
    await coordinator.screenshot('history-depth-all-undone');

    for (let count = 0; count < 5; count += 1) {
      await coordinator.redo();
      expect(await coordinator.seesButton('Garder la mienne')).toBe(false);
    }
    expect(await coordinator.historyButton('redo')).toMatchObject({ enabled: false });
    expect(contentsOf(await parcelsAtPhase0())).toEqual(contentsOf(end));
    await coordinator.screenshot('history-depth-all-redone');

    // Every write went through the set of changes, each with an Idempotency-Key of its own.
    expect(writes.length).toBe(15);
    for (const write of writes) expect(write).toMatchObject({ method: 'POST', path: `/api/sites/${siteId}/parcels/changes`, idempotencyKey: expect.any(String) });
    expect(new Set(writes.map((write) => write.idempotencyKey)).size).toBe(writes.length);
    expect(coordinator.errors).toEqual([]);
  });

  it("stops at the undo that meets the landlord's change of a neighbour, names the landlord, and undoing on gives the neighbour back exactly", async () => {
    // The landlord's coordinator, in another browser, writes a note on a neighbour the split reshaped.
    const neighbour = await parcel(splitNeighbours[0]!.id);
    const theirs = await landlord.callApi<StoredParcel>('PATCH', `/api/parcels/${neighbour.id}`, { properties: { notes: 'Vu sur place par le bailleur' } }, { 'If-Match': `"${neighbour.properties.version}"` });
    expect(theirs.status).toBe(200);

    // Undoing the deletion and the merge does not touch it; undoing the split does.
    await coordinator.undo();
    await coordinator.undo();
    expect(await coordinator.seesButton('Garder la mienne')).toBe(false);
    await coordinator.undo();
    expect(await coordinator.dialogHeading()).toBe('Modifié entre-temps par Coordination bailleur (démo)');
    await coordinator.screenshot('history-depth-conflict-landlord');
    const answered = coordinator.page.waitForResponse((response) => /\/parcels\/changes$/.test(response.url()) && response.request().method() === 'POST', { timeout: 60_000 });
    await coordinator.clickButton('Garder la mienne');
    expect((await answered).status()).toBe(200);
    await coordinator.waitForMap();
    // The split undone: every neighbour it gave a vertex to has its shape back exactly.
    for (const each of splitNeighbours) expect((await parcel(each.id)).geometry).toEqual(each.geometry);

    await coordinator.undo();
    await coordinator.undo();
    expect(await coordinator.historyButton('undo')).toMatchObject({ enabled: false });
    expect(contentsOf(await parcelsAtPhase0())).toEqual(contentsOf(start));
    await coordinator.expectDemoDefectsBack(siteId);
    expect(coordinator.errors).toEqual([]);
  });
});
