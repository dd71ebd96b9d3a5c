import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../core/index.js';
import { areaOf } from '../support/parcel-geometry.js';
import { DEMO_GAP_ROUGH_OUTLINE, launchBrowser, TesseraUser } from './driver.js';

type Position = [number, number];
interface AreaGeometry { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }
interface Gap { properties: { area: number }; geometry: { type: 'MultiPolygon'; coordinates: Position[][][] } }
interface Analysis { gaps: { features: Gap[] } }
interface StoredParcel { id: string; geometry: { coordinates: Position[][][] }; properties: { label: string | null; version: number } }

const LABEL = 'Placette Carnot (test de bout en bout)';

function ringsOf(geometry: AreaGeometry): Position[][] {
  return (geometry.type === 'Polygon' ? geometry.coordinates as Position[][] : (geometry.coordinates as Position[][][]).flat());
}

function bboxOf(positions: Position[]): [number, number, number, number] {
  const xs = positions.map((position) => position[0]);
  const ys = positions.map((position) => position[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function boxesMeet(a: number[], b: number[]): boolean {
  return a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;
}

/** Distance in degrees from a position to a segment (plane approximation: enough at 1e-7°). */
function distanceToSegment(point: Position, start: Position, end: Position): number {
  const dx = end[0] - start[0];
  const dy = end[1] - start[1];
  const t = Math.max(0, Math.min(1, ((point[0] - start[0]) * dx + (point[1] - start[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(start[0] + t * dx - point[0], start[1] + t * dy - point[1]);
}

describe('a coordinator fills the demo gap by drawing a parcel; a viewer cannot', () => {
  let browser: Browser;
  let coordinator: TesseraUser;
  let siteId: string;
  let created: StoredParcel | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ user: coordinator, siteId } = await TesseraUser.onDemoSite(browser));
  });

  afterAll(async () => {
    // Other e2e files read the same demo site: give it back as it was.
    if (created) await coordinator.deleteParcelIfPresent(created.id);
    await browser.close();
  });

  it('draws roughly over the gap: avoiding overlaps fits it exactly; assigns the city, and the gap is gone', async () => {
    await coordinator.signIn('coordination@tessera.demo');
    const analysisPath = `/api/sites/${siteId}/analysis?phase=0&service=nettoiement`;
    const before = (await coordinator.callApi<Analysis>('GET', analysisPath)).body;
    const gap = [...before.gaps.features].sort((a, b) => b.properties.area - a.properties.area)[0]!;
    // Signing in re-renders the panel with the editing actions: wait for the gaps to be listed again.
    const firstGapItem = await coordinator.waitForFinding('Liste des manques', (item) => item.startsWith('Personne'));
    await coordinator.focusFinding(firstGapItem);

    const ring = DEMO_GAP_ROUGH_OUTLINE as Position[];
    await coordinator.drawPolygon(ring, 'editor-drawing');
    expect(await coordinator.editorStatus()).toMatch(/Découpée pour ne pas chevaucher les parcelles voisines/);

    await coordinator.fillParcelForm({ organisation: 'Ville › Propreté urbaine', services: ['Nettoiement'], label: LABEL });
    await coordinator.screenshot('editor-form');
    await coordinator.save();
    await coordinator.screenshot('editor-saved');

    const parcels = (await coordinator.callApi<{ features: StoredParcel[] }>('GET', `/api/sites/${siteId}/parcels?phase=0`)).body.features;
    const listed = parcels.find((parcel) => parcel.properties.label === LABEL);
    expect(listed).toBeDefined();
    created = (await coordinator.callApi<StoredParcel>('GET', `/api/parcels/${listed!.id}`)).body;

    // The panel no longer lists the gap, and the server finds no gap over 1 m² where it was.
    expect(await coordinator.findings('Liste des manques')).not.toContain(firstGapItem);
    const after = (await coordinator.callApi<Analysis>('GET', analysisPath)).body;
    const gapBox = bboxOf(ring);
    const remaining = after.gaps.features.filter((piece) => piece.properties.area > 1 && boxesMeet(bboxOf(piece.geometry.coordinates.flat(2)), gapBox));
    expect(remaining).toEqual([]);

    // Snapping used the neighbours' exact coordinates: every vertex is one of theirs, or lies on one of their edges.
    const buildings = (await coordinator.callApi<{ features: Array<{ geometry: AreaGeometry }> }>('GET', `/api/sites/${siteId}/buildings?phase=0`)).body.features;
    const site = (await coordinator.callApi<{ perimeter: AreaGeometry }>('GET', `/api/sites/${siteId}`)).body;
    const neighbourRings = [
      ...parcels.filter((parcel) => parcel.id !== created!.id).flatMap((parcel) => ringsOf(parcel.geometry as unknown as AreaGeometry)),
      ...buildings.flatMap((building) => ringsOf(building.geometry)),
      ...ringsOf(site.perimeter),
    ];
    const neighbourVertices = new Set(neighbourRings.flat().map((position) => position.join(',')));
    const vertices = created!.geometry.coordinates.flat(1).flatMap((ring) => ring.slice(0, -1));
    const exact = vertices.filter((vertex) => neighbourVertices.has(vertex.join(',')));
    const onEdges = vertices.filter((vertex) => !neighbourVertices.has(vertex.join(',')) && neighbourRings.some((ring) =>
      ring.some((start, index) => index + 1 < ring.length && distanceToSegment(vertex, start, ring[index + 1]!) < 1e-7)));
    expect(exact.length + onEdges.length).toBe(vertices.length);
    // It is the gap itself: its area, to the centimetre of the coordinates.
    expect(Math.abs(areaOf(created!.geometry as unknown as MultiPolygon) - gap.properties.area)).toBeLessThan(0.5);
    expect(coordinator.errors).toEqual([]);
  });

  it('keeps their own edit when someone else saved the parcel meanwhile', async () => {
    await coordinator.startEditingSelectedParcel();
    // Another editor renames the parcel while this one is open.
    const theirs = await coordinator.callApi<StoredParcel>('PATCH', `/api/parcels/${created!.id}`, { properties: { label: 'Renommée ailleurs' } }, { 'If-Match': `"${created!.properties.version}"` });
    expect(theirs.status).toBe(200);
    await coordinator.fillParcelForm({ organisation: 'Ville › Propreté urbaine', services: ['Nettoiement'], agreementRef: 'CONV-2026-01' });
    await coordinator.clickButton('Enregistrer');
    expect(await coordinator.dialogHeading()).toBe('Modifié entre-temps par Coordination GUP (démo)');
    await coordinator.screenshot('editor-conflict');
    await coordinator.clickButton('Garder la mienne');
    await coordinator.page.locator('form.editor__form').waitFor({ state: 'detached', timeout: 60_000 });
    const mine = (await coordinator.callApi<StoredParcel & { properties: { agreementRef: string | null } }>('GET', `/api/parcels/${created!.id}`)).body;
    expect(mine.properties).toMatchObject({ version: theirs.body.properties.version + 1, label: LABEL, agreementRef: 'CONV-2026-01' });
    expect(coordinator.errors).toEqual([]);
  });

  it('shows no editing tools to a viewer, and the API refuses their writes', async () => {
    const viewer = await TesseraUser.in(browser);
    await viewer.open('/');
    expect(await viewer.seesButton('Dessiner une parcelle')).toBe(false);
    await viewer.signIn('elu@tessera.demo');
    await viewer.waitForMap();
    expect(await viewer.seesButton('Dessiner une parcelle')).toBe(false);
    await viewer.screenshot('editor-viewer');
    const organisations = (await viewer.callApi<Array<{ id: string }>>('GET', '/api/organisations')).body;
    const attempt = await viewer.callApi('POST', `/api/sites/${siteId}/parcels`, {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[[2.4801, 48.8986], [2.4802, 48.8986], [2.4802, 48.8987], [2.4801, 48.8986]]] },
      properties: { organisationId: organisations[0]!.id, services: ['nettoiement'] },
    });
    expect(attempt.status).toBe(403);
    expect(viewer.errors).toEqual([]);
  });
});
