import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../core/index.js';
import { areaOf } from '../support/parcel-geometry.js';
import { launchBrowser, TesseraUser } from './driver.js';

interface StoredParcel { id: string; geometry: MultiPolygon; properties: { services: string[]; version: number; fromPhase: number } }

/** Zoom at which a parcel of a few hundred m² is a few hundred pixels wide. */
const EDIT_ZOOM = 19;

describe('a coordinator cuts a hole in a parcel and moves a whole parcel, each undone in one step', () => {
  let browser: Browser;
  let coordinator: TesseraUser;
  let siteId: string;
  const versionsBefore = new Map<string, number>();

  const parcel = async (id: string) => (await coordinator.callApi<StoredParcel>('GET', `/api/parcels/${id}`)).body;
  /** A cleaning parcel of the current phase, one polygon without holes, of a few hundred to a few thousand m². */
  const pickParcel = async (skip: readonly string[] = []) => {
    const parcels = (await coordinator.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features;
    const overlapping = await coordinator.overlappingParcelIds(siteId);
    // The smallest that fits, not the first by id (ids are drawn anew at each demo load): the same parcel at every run.
    const chosen = parcels.filter((each) => each.properties.fromPhase === 0 && each.properties.services.includes('nettoiement')
      && each.geometry.coordinates.length === 1 && each.geometry.coordinates[0]!.length === 1 && !overlapping.has(each.id)
      && areaOf(each.geometry) > 300 && areaOf(each.geometry) < 3000 && !skip.includes(each.id))
      .sort((a, b) => areaOf(a.geometry) - areaOf(b.geometry))[0]!;
    versionsBefore.set(chosen.id, chosen.properties.version);
    return chosen;
  };
  /** Selects the parcel by a click inside it, zoomed on it, and opens it for editing. */
  const edit = async (target: StoredParcel) => {
    // A test that failed half-way may have left a parcel open: start from the map.
    if (await coordinator.seesButton('Annuler')) await coordinator.clickButton('Annuler');
    const clicked = await coordinator.selectParcel(target.geometry, EDIT_ZOOM);
    await coordinator.startEditingSelectedParcel();
    return clicked;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ user: coordinator, siteId } = await TesseraUser.onDemoSite(browser, 'coordination@tessera.demo'));
  });

  afterAll(async () => {
    // Other e2e files read the demo site: give it back as it was.
    await coordinator.restoreParcelVersions(versionsBefore);
    await coordinator.expectDemoDefectsBack(siteId);
    await browser.close();
  });

  it('draws a hole inside the parcel being edited and saves it; undo fills it again', async () => {
    const target = await pickParcel();
    const centre = await edit(target);
    await coordinator.clickButton('Ajouter un trou');
    // A triangle of about 24 px around the parcel's inside point, snapping off so that it stays where drawn.
    await coordinator.setToggle('Aimantation', false);
    const corners = [[-12, 10], [12, 10], [0, -12]].map(([dx, dy]) => ({ x: centre.x + dx!, y: centre.y + dy! }));
    const triangle = await Promise.all(corners.map((corner) => coordinator.lngLatAt(corner.x, corner.y)));
    for (const [lon, lat] of triangle) await coordinator.clickMapAt(lon, lat);
    await coordinator.clickMapAt(...triangle[0]!);
    await coordinator.page.locator('form.editor__form').waitFor({ timeout: 30_000 });
    await coordinator.screenshot('reshape-hole');
    await coordinator.save();

    const holed = await parcel(target.id);
    expect(holed.geometry.coordinates[0]).toHaveLength(2);
    const hole: MultiPolygon = { type: 'MultiPolygon', coordinates: [[holed.geometry.coordinates[0]![1]!]] };
    expect(areaOf(holed.geometry)).toBeCloseTo(areaOf(target.geometry) - areaOf(hole), 1);
    expect(areaOf(hole)).toBeGreaterThan(0.5);

    await coordinator.undo();
    expect((await parcel(target.id)).geometry).toEqual(target.geometry);
    expect(coordinator.errors).toEqual([]);
  });

  it('adds a vertex at a midpoint and drags it, then Delete removes it: the saved shape is the one before', async () => {
    const target = await pickParcel();
    const centre = await edit(target);
    await coordinator.setToggle('Sommets partagés', false);
    await coordinator.setToggle('Éviter les chevauchements', false);
    // The longest edge: its midpoint handle is far from the vertices' handles.
    const ring = target.geometry.coordinates[0]![0]!;
    const edges = ring.slice(0, -1).map((start, index) => [start, ring[index + 1]!] as const);
    const [start, end] = edges.sort(([a, b], [c, d]) => Math.hypot(d[0]! - c[0]!, d[1]! - c[1]!) - Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!))[0]!;
    // Centred on that midpoint, so that it is on the screen whatever the parcel's shape.
    const [midLon, midLat] = [(start![0]! + end![0]!) / 2, (start![1]! + end![1]!) / 2];
    const [insideLon, insideLat] = await coordinator.lngLatAt(centre.x, centre.y);
    await coordinator.zoomTo(midLon, midLat, EDIT_ZOOM);
    const midpoint = await coordinator.screenPoint(midLon, midLat);
    const inside = await coordinator.screenPoint(insideLon, insideLat);
    const length = Math.hypot(inside.x - midpoint.x, inside.y - midpoint.y);
    const before = await coordinator.shapeFigures();
    expect(before.vertices).toBe(target.geometry.coordinates[0]![0]!.length - 1);
    // A click on the midpoint handle adds a vertex there; dragging it inwards makes the parcel smaller.
    await coordinator.page.mouse.click(midpoint.x, midpoint.y);
    await expect.poll(async () => (await coordinator.shapeFigures()).vertices).toBe(before.vertices + 1);
    await coordinator.dragOnPage(midpoint, { x: midpoint.x + ((inside.x - midpoint.x) * 20) / length, y: midpoint.y + ((inside.y - midpoint.y) * 20) / length });
    const pulled = await coordinator.shapeFigures();
    expect(pulled.vertices).toBe(before.vertices + 1);
    expect(pulled.area).toBeLessThan(before.area);
    await coordinator.page.keyboard.press('Delete');
    await expect.poll(() => coordinator.shapeFigures()).toEqual(before);
    await coordinator.screenshot('reshape-vertex-deleted');
    await coordinator.save();

    const saved = await parcel(target.id);
    expect(saved.properties.version).toBe(target.properties.version + 1);
    expect(saved.geometry.coordinates[0]![0]!.length).toBe(target.geometry.coordinates[0]![0]!.length);
    expect(areaOf(saved.geometry)).toBeCloseTo(areaOf(target.geometry), 3);
    await coordinator.undo();
    expect(coordinator.errors).toEqual([]);
  });

  it('drags the whole parcel 40 px east with "Déplacer la parcelle"; every vertex moves by the same offset', async () => {
    const target = await pickParcel();
    const centre = await edit(target);
    // Overlaps not avoided: the moved parcel keeps its whole shape over its neighbour.
    await coordinator.setToggle('Éviter les chevauchements', false);
    await coordinator.setToggle('Déplacer la parcelle', true);
    await coordinator.dragOnPage(centre, { x: centre.x + 40, y: centre.y });
    await coordinator.screenshot('reshape-moved');
    await coordinator.save();

    const moved = await parcel(target.id);
    const before = target.geometry.coordinates[0]![0]!;
    const after = moved.geometry.coordinates[0]![0]!;
    expect(after).toHaveLength(before.length);
    const offsets = after.map((position, index) => [position[0]! - before[index]![0]!, position[1]! - before[index]![1]!]);
    expect(offsets[0]![0]).toBeGreaterThan(0);
    // One offset for all, to the API's 7 decimals.
    for (const [dx, dy] of offsets) {
      expect(Math.abs(dx! - offsets[0]![0]!)).toBeLessThan(2e-7);
      expect(Math.abs(dy! - offsets[0]![1]!)).toBeLessThan(2e-7);
    }
    expect(areaOf(moved.geometry)).toBeCloseTo(areaOf(target.geometry), 0);

    await coordinator.undo();
    expect((await parcel(target.id)).geometry).toEqual(target.geometry);
    expect(coordinator.errors).toEqual([]);
  });
});
