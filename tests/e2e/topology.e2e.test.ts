import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../core/index.js';
import { areaOf, interiorPoint, vertexClearance, vertexKeys } from '../support/parcel-geometry.js';
import { launchBrowser, TesseraUser } from './driver.js';

interface StoredParcel {
  id: string;
  geometry: MultiPolygon;
  properties: { organisationId: string; label: string | null; services: string[]; version: number; fromPhase: number; toPhase: number | null };
}
interface Analysis { gapArea: number; overlapArea: number }
interface HistoryEntry { version: number; change: string }

/** Zoom at which the demo's small parcels are a few hundred pixels wide. */
const EDIT_ZOOM = 19;

describe('a coordinator moves a shared vertex, splits a parcel and merges two, each one step to undo', () => {
  let browser: Browser;
  let coordinator: TesseraUser;
  let siteId: string;
  /** The version each parcel had before this file touched it, to restore at the end. */
  const versionsBefore = new Map<string, number>();
  const created = new Set<string>();

  /** Every parcel of the current phase, all services. */
  const parcelsAtPhase0 = async () =>
    (await coordinator.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features.filter((parcel) => parcel.properties.fromPhase === 0);
  /** Parcels in an overlap, which a click inside may not select (see the driver). */
  let overlapping = new Set<string>();
  /** The parcels the map shows (the cleaning service, as the page opens) that a click inside selects. */
  const cleaning = (parcels: readonly StoredParcel[]) =>
    parcels.filter((parcel) => parcel.properties.services.includes('nettoiement') && !overlapping.has(parcel.id));
  const parcel = async (id: string) => coordinator.callApi<StoredParcel>('GET', `/api/parcels/${id}`);
  const historyLength = async (id: string) => (await coordinator.callApi<HistoryEntry[]>('GET', `/api/parcels/${id}/history`)).body.length;
  const analysis = async () => (await coordinator.callApi<Analysis>('GET', `/api/sites/${siteId}/analysis?phase=0&service=nettoiement`)).body;
  const remember = (parcels: readonly StoredParcel[]) => {
    for (const each of parcels) if (!versionsBefore.has(each.id)) versionsBefore.set(each.id, each.properties.version);
  };
  const select = (target: StoredParcel) => coordinator.selectParcel(target.geometry, EDIT_ZOOM);

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ user: coordinator, siteId } = await TesseraUser.onDemoSite(browser, 'coordination@tessera.demo'));
    // Every parcel's version: a gesture also reshapes neighbours (shared vertices, crossings of a split).
    remember(await parcelsAtPhase0());
    overlapping = await coordinator.overlappingParcelIds(siteId);
  });

  afterAll(async () => {
    // Other e2e files read the demo site: give it back as it was, whatever happened here.
    for (const id of created) await coordinator.deleteParcelIfPresent(id);
    await coordinator.restoreParcelVersions(versionsBefore);
    await coordinator.expectDemoDefectsBack(siteId);
    await browser.close();
  });

  it('moves a vertex shared by two parcels in both, in one save, and one undo puts both back', async () => {
    const parcels = await parcelsAtPhase0();
    // A vertex exactly two parcels of any service have, both shown on the cleaning map.
    const owners = new Map<string, StoredParcel[]>();
    for (const each of parcels) for (const key of vertexKeys(each.geometry)) owners.set(key, [...(owners.get(key) ?? []), each]);
    const shown = new Set(cleaning(parcels).map((each) => each.id));
    // One with 8 m of room around it (its handle grabbed alone at zoom 19), the same whatever ids the demo got.
    const [sharedKey, pair] = [...owners]
      .filter(([key, those]) => those.length === 2 && those.every((each) => shown.has(each.id) && areaOf(each.geometry) > 150)
        && vertexClearance(key, those.map((each) => each.geometry)) > 8)
      .sort(([a], [b]) => a.localeCompare(b))[0]!;
    expect(pair).toBeDefined();
    const [first, second] = pair as [StoredParcel, StoredParcel];
    remember([first, second]);
    const shared = sharedKey.split(',').map(Number) as [number, number];
    const historyBefore = [await historyLength(first.id), await historyLength(second.id)];

    await select(first);
    await coordinator.startEditingSelectedParcel();
    // Snapping off: the vertex lands where it is dropped, 30 px towards the middle of its two neighbours on the ring.
    await coordinator.setToggle('Aimantation', false);
    await coordinator.zoomTo(...shared, EDIT_ZOOM);
    const ring = first.geometry.coordinates.flat().find((each) => each.some((position) => position.join(',') === sharedKey))!.slice(0, -1);
    const at = ring.findIndex((position) => position.join(',') === sharedKey);
    const [previous, next] = [ring.at(at - 1)!, ring[(at + 1) % ring.length]!];
    const from = await coordinator.screenPoint(...shared);
    const towards = await coordinator.screenPoint((previous[0]! + next[0]!) / 2, (previous[1]! + next[1]!) / 2);
    const length = Math.hypot(towards.x - from.x, towards.y - from.y);
    const to = { x: from.x + ((towards.x - from.x) * 30) / length, y: from.y + ((towards.y - from.y) * 30) / length };
    await coordinator.dragOnPage(from, to);
    await coordinator.screenshot('topology-shared-vertex');
    expect(await coordinator.editorStatus()).toMatch(/aussi déplacé 1 parcelle voisine/);
    await coordinator.save();

    const [firstAfter, secondAfter] = [(await parcel(first.id)).body, (await parcel(second.id)).body];
    const firstVertices = vertexKeys(firstAfter.geometry);
    const secondVertices = vertexKeys(secondAfter.geometry);
    // The shared vertex left both parcels and both have the same new one, to the last decimal.
    expect(firstVertices.has(sharedKey)).toBe(false);
    expect(secondVertices.has(sharedKey)).toBe(false);
    const moved = [...firstVertices].filter((key) => !vertexKeys(first.geometry).has(key));
    expect(moved).toHaveLength(1);
    expect(secondVertices.has(moved[0]!)).toBe(true);
    expect([firstAfter.properties.version, secondAfter.properties.version]).toEqual([first.properties.version + 1, second.properties.version + 1]);
    expect([await historyLength(first.id), await historyLength(second.id)]).toEqual([historyBefore[0]! + 1, historyBefore[1]! + 1]);
    expect((await coordinator.historyButton('undo')).title).toMatch(/sommet partagé/);

    await coordinator.undo();
    expect((await parcel(first.id)).body.geometry).toEqual(first.geometry);
    expect((await parcel(second.id)).body.geometry).toEqual(second.geometry);
    expect(coordinator.errors).toEqual([]);
  });

  it('splits a parcel along a drawn line; undo gives the whole parcel back, redo splits it again', async () => {
    const parcels = await parcelsAtPhase0();
    // The largest parcel of a few hundred to a few thousand m², one polygon without holes.
    const target = cleaning(parcels).filter((each) => each.geometry.coordinates.length === 1 && each.geometry.coordinates[0]!.length === 1)
      .filter((each) => areaOf(each.geometry) > 400 && areaOf(each.geometry) < 4000)
      .sort((a, b) => areaOf(b.geometry) - areaOf(a.geometry))[0]!;
    remember([target]);
    const analysisBefore = await analysis();
    const [lon, lat] = interiorPoint(target.geometry);
    await select(target);
    // A north–south line through the parcel's inside point, its ends about 10 m beyond the parcel's box.
    const latitudes = target.geometry.coordinates[0]![0]!.map((position) => position[1]!);
    const ends = [[lon, Math.min(...latitudes) - 0.0001], [lon + 0.00001, Math.max(...latitudes) + 0.0001]] as const;
    await coordinator.zoomTo(lon, lat, EDIT_ZOOM - 1.5);
    await coordinator.splitSelectedParcelAlong(ends);
    await coordinator.screenshot('topology-split-line');
    expect(await coordinator.editorStatus()).toMatch(/^La ligne découpe la parcelle en \d+ morceaux\.$/m);
    await coordinator.confirmGesture(/^Découper en \d+ parcelles$/);

    const after = await parcelsAtPhase0();
    const kept = after.find((each) => each.id === target.id)!;
    const pieces = after.filter((each) => each.id !== target.id && !parcels.some((before) => before.id === each.id));
    for (const piece of pieces) created.add(piece.id);
    expect(pieces.length).toBeGreaterThanOrEqual(1);
    for (const piece of pieces) expect(piece.properties).toMatchObject({ organisationId: target.properties.organisationId, label: target.properties.label, services: target.properties.services });
    const total = [kept, ...pieces].reduce((sum, each) => sum + areaOf(each.geometry), 0);
    // The API writes coordinates to 7 decimals (1 cm): the computed crossings read back rounded, hence 1e-4.
    expect(Math.abs(total - areaOf(target.geometry)) / areaOf(target.geometry)).toBeLessThan(1e-4);
    // A split makes no gap and no overlap.
    const analysisAfter = await analysis();
    expect(analysisAfter.gapArea).toBeCloseTo(analysisBefore.gapArea, 1);
    expect(analysisAfter.overlapArea).toBeCloseTo(analysisBefore.overlapArea, 1);
    await coordinator.screenshot('topology-split-saved');

    await coordinator.undo();
    expect((await parcel(target.id)).body.geometry).toEqual(target.geometry);
    for (const piece of pieces) expect((await parcel(piece.id)).status).toBe(404);
    await coordinator.redo();
    expect(areaOf((await parcel(target.id)).body.geometry)).toBeCloseTo(areaOf(kept.geometry), 4);
    for (const piece of pieces) expect((await parcel(piece.id)).status).toBe(200);
    expect(coordinator.errors).toEqual([]);
  });

  it('merges two neighbouring parcels of one manager; undo brings the second back', async () => {
    const parcels = await parcelsAtPhase0();
    // Two parcels of one manager sharing at least two vertices (an edge), each a single polygon.
    // In the order of their shapes, not of their ids (drawn anew at each demo load): the same pair at every run.
    const firstVertex = (parcel: StoredParcel) => [...vertexKeys(parcel.geometry)].sort()[0]!;
    const single = cleaning(parcels).filter((each) => each.geometry.coordinates.length === 1)
      .sort((a, b) => firstVertex(a).localeCompare(firstVertex(b)));
    const pairs = single.flatMap((a, index) => single.slice(index + 1).filter((b) => a.properties.organisationId === b.properties.organisationId
      && [...vertexKeys(a.geometry)].filter((key) => vertexKeys(b.geometry).has(key)).length >= 2).map((b) => [a, b] as const));
    expect(pairs.length).toBeGreaterThan(0);
    const [first, second] = pairs[0]!;
    remember([first, second]);
    const analysisBefore = await analysis();

    await select(first);
    await coordinator.mergeSelectedWith(second.geometry, EDIT_ZOOM - 1, 'topology-merge-picked');

    expect((await parcel(second.id)).status).toBe(404);
    const merged = (await parcel(first.id)).body;
    expect(areaOf(merged.geometry)).toBeCloseTo(areaOf(first.geometry) + areaOf(second.geometry), 1);
    expect(merged.properties.services).toEqual(expect.arrayContaining([...first.properties.services, ...second.properties.services]));
    const analysisAfter = await analysis();
    expect(analysisAfter.gapArea).toBeCloseTo(analysisBefore.gapArea, 1);
    await coordinator.screenshot('topology-merge-saved');

    await coordinator.undo();
    expect((await parcel(second.id)).body.geometry).toEqual(second.geometry);
    expect((await parcel(first.id)).body.geometry).toEqual(first.geometry);
    expect(coordinator.errors).toEqual([]);
  });
});
