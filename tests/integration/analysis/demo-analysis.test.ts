import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhaseComparison, SiteAnalysis } from '../../../core/index.js';
import { loadDemo } from '../../../server/demo/load-demo.js';
import type { WhoManagesHere } from '../../../server/analysis/who-manages.js';
import { TestApi, type Caller } from '../../support/api.js';
import { parcelFeature, readDemoSite, type DemoSite } from '../../support/demo-site.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * Every exterior ring counter-clockwise (shoelace on lon/lat), every ring closed. Slivers of a few
 * cm² (an overflow's crumbs along the perimeter) may collapse once rounded to 7 decimals: skipped.
 */
function counterClockwise(coordinates: number[][][][]): boolean {
  return coordinates.every((polygon) => {
    const exterior = polygon[0]!;
    let twiceArea = 0;
    for (let index = 0; index + 1 < exterior.length; index += 1) {
      twiceArea += exterior[index]![0]! * exterior[index + 1]![1]! - exterior[index + 1]![0]! * exterior[index]![1]!;
    }
    return (twiceArea > 0 || Math.abs(twiceArea) < 1e-10) && polygon.every((ring) => ring[0]!.join() === ring.at(-1)!.join());
  });
}

describe('the analysis of the demo site', () => {
  let database: TestDatabase;
  let api: TestApi;
  let demo: DemoSite;
  let coordinator: Caller;

  const analysisOf = async (phase = 0, service = 'nettoiement', as: Caller | null = null) =>
    api.call<SiteAnalysis>('GET', `/api/sites/${demo.siteId}/analysis?phase=${phase}&service=${service}`, as);

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemo(database.pool);
    demo = await readDemoSite(database.pool);
    api = await TestApi.start(database.pool);
    coordinator = await api.signIn('coordination@tessera.demo');
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('finds exactly the engineered defects for cleaning at phase 0', async () => {
    const { status, body } = await analysisOf();
    expect(status).toBe(200);
    expect(body.gaps.features.map((gap) => gap.properties.area)).toEqual([expect.closeTo(578.6, 0)]);
    expect(body.overlaps.features).toHaveLength(1);
    const [overlap] = body.overlaps.features;
    expect(overlap!.properties.area).toBeGreaterThan(405.9);
    expect(overlap!.properties.area).toBeLessThan(407.9);
    expect(overlap!.properties.kind).toBe('conflict');
    expect(overlap!.properties.organisationIds[0]).not.toBe(overlap!.properties.organisationIds[1]);
    expect(body.overflow.features).toHaveLength(1);
    expect(body.overflow.features[0]!.properties.area).toBeGreaterThan(307.3);
    expect(body.overflow.features[0]!.properties.area).toBeLessThan(309.3);
    const labels = await database.pool.query<{ id: string; label: string }>('select id, label from parcels where id = any ($1)', [[...overlap!.properties.parcelIds, body.overflow.features[0]!.properties.parcelId]]);
    const labelOf = new Map(labels.rows.map((row) => [row.id, row.label]));
    expect(overlap!.properties.parcelIds.map((id) => labelOf.get(id)).sort()).toEqual(['Résidence Albert Thomas (AJ 98)', 'Voie de la cour — Résidence Albert Thomas']);
    expect(labelOf.get(body.overflow.features[0]!.properties.parcelId)).toBe('Avenue Carnot — chaussée et trottoirs');
  });

  it('answers exactly the SiteAnalysis shape: ids, sorted collections, CCW MultiPolygons, 7 decimals', async () => {
    const { body } = await analysisOf();
    expect(Object.keys(body).sort()).toEqual(['coverage', 'gapArea', 'gaps', 'outdoorArea', 'overflow', 'overflowArea', 'overlapArea', 'overlaps']);
    expect(body.coverage).toBeCloseTo(1 - body.gapArea / body.outdoorArea, 12);
    expect(body.gapArea).toBeCloseTo(body.gaps.features.reduce((sum, gap) => sum + gap.properties.area, 0), 6);
    expect(body.gaps.features[0]!.id).toBe('gap-1');
    const [overlap] = body.overlaps.features;
    const [first, second] = overlap!.properties.parcelIds;
    expect(first < second).toBe(true);
    expect(overlap!.id).toBe(`overlap-${first}-${second}`);
    expect(Object.keys(overlap!.properties).sort()).toEqual(['area', 'kind', 'organisationIds', 'parcelIds']);
    expect(body.overflow.features[0]!.id).toBe(`overflow-${body.overflow.features[0]!.properties.parcelId}`);
    for (const collection of [body.gaps, body.overlaps, body.overflow]) {
      expect(collection.type).toBe('FeatureCollection');
      const areas = collection.features.map((feature) => feature.properties.area);
      expect(areas).toEqual([...areas].sort((a, b) => b - a));
      for (const feature of collection.features) {
        expect(feature.geometry.type).toBe('MultiPolygon');
        expect(counterClockwise(feature.geometry.coordinates)).toBe(true);
        const decimals = feature.geometry.coordinates.flat(3).map((value) => String(value).split('.')[1]?.length ?? 0);
        expect(Math.max(...decimals)).toBeLessThanOrEqual(7);
      }
    }
  });

  it('answers 404 for an unknown phase, 400 for an unknown service or a bad query, with the field', async () => {
    const unknownPhase = await analysisOf(7);
    expect([unknownPhase.status, unknownPhase.body]).toEqual([404, expect.objectContaining({ code: 'phase_not_found', field: 'query.phase' })]);
    const unknownService = await analysisOf(0, 'jardinage');
    expect([unknownService.status, unknownService.body]).toEqual([400, expect.objectContaining({ field: 'query.service' })]);
    const badPhase = await api.call('GET', `/api/sites/${demo.siteId}/analysis?phase=first&service=nettoiement`);
    expect([badPhase.status, badPhase.body.field]).toEqual([400, 'query.phase']);
    const badCompare = await api.call('GET', `/api/sites/${demo.siteId}/compare?from=0&to=9&service=nettoiement`);
    expect([badCompare.status, badCompare.body.code, badCompare.body.field]).toEqual([404, 'phase_not_found', 'query.to']);
    const badPoint = await api.call('GET', `/api/sites/${demo.siteId}/who?lon=200&lat=48.9&phase=0`);
    expect([badPoint.status, badPoint.body.field]).toEqual([400, 'query.lon']);
    const notANumber = await api.call('GET', `/api/sites/${demo.siteId}/who?lon=2.48&lat=north`);
    expect([notANumber.status, notANumber.body.field]).toEqual([400, 'query.lat']);
  });

  it('lists both parcels at a point of the overlap, with their organisations', async () => {
    const { body: analysis } = await analysisOf();
    const { rows } = await database.pool.query<{ lon: number; lat: number }>(
      'select ST_X(point) as lon, ST_Y(point) as lat from ST_PointOnSurface(ST_GeomFromGeoJSON($1)) as point', [JSON.stringify(analysis.overlaps.features[0]!.geometry)],
    );
    const { status, body } = await api.call<WhoManagesHere>('GET', `/api/sites/${demo.siteId}/who?lon=${rows[0]!.lon}&lat=${rows[0]!.lat}&phase=0`);
    expect(status).toBe(200);
    expect(body.outdoor).toBe(true);
    expect(body.point).toEqual([rows[0]!.lon, rows[0]!.lat]);
    const cleaning = body.services.find((entry) => entry.service === 'nettoiement')!;
    expect(cleaning.parcels.map((parcel) => parcel.parcelId).sort()).toEqual([...analysis.overlaps.features[0]!.properties.parcelIds].sort());
    for (const parcel of cleaning.parcels) {
      expect(parcel.organisation).toEqual(expect.objectContaining({ name: expect.any(String), shortName: expect.any(String), colour: expect.stringMatching(/^#/) }));
      expect(parcel).toHaveProperty('label');
      expect(parcel).toHaveProperty('agreementRef');
    }
  });

  it('compares phase 0 with phase 2: the demolished wing becomes outdoor space someone manages', async () => {
    const { status, body } = await api.call<PhaseComparison>('GET', `/api/sites/${demo.siteId}/compare?from=0&to=2&service=nettoiement`);
    expect(status).toBe(200);
    expect([body.fromPhase, body.toPhase, body.service]).toEqual([0, 2, 'nettoiement']);
    const [before, after] = await Promise.all([analysisOf(0), analysisOf(2)]);
    const newOutdoor = after.body.outdoorArea - before.body.outdoorArea;
    expect(newOutdoor).toBeGreaterThan(100);
    const nobody = body.organisations.find((row) => row.organisationId === null)!;
    expect(nobody.lostArea).toBeGreaterThan(newOutdoor * 0.9);
    const fromNobody = body.transfers.filter((transfer) => transfer.from === null && transfer.to !== null);
    expect(fromNobody.reduce((sum, transfer) => sum + transfer.area, 0)).toBeGreaterThan(newOutdoor * 0.9);
    expect(body.lost.features.some((feature) => feature.properties.organisationId === null)).toBe(true);
    expect(body.yearlyCostChange).toBeNull();
    for (const row of body.organisations) expect(row.areaTo - row.areaFrom).toBeCloseTo(row.gainedArea - row.lostArea, 3);
    const stays = body.transfers.filter((transfer) => transfer.from === transfer.to && transfer.from !== null);
    expect(stays.length).toBeGreaterThan(0);
  });

  it('prices the comparison once unit costs are set (project or admin)', async () => {
    const project = await api.signIn('projet@tessera.demo');
    const refused = await api.call('PUT', `/api/sites/${demo.siteId}/unit-costs`, coordinator, { body: { nettoiement: { default: 2, byOrganisation: {} } } });
    expect(refused.status).toBe(403);
    const saved = await api.call('PUT', `/api/sites/${demo.siteId}/unit-costs`, project, { body: { nettoiement: { default: 2, byOrganisation: { [demo.organisationIds.Ville!]: 3 } } } });
    expect([saved.status, saved.body]).toEqual([200, { nettoiement: { default: 2, byOrganisation: { [demo.organisationIds.Ville!]: 3 } } }]);
    const { body } = await api.call<PhaseComparison>('GET', `/api/sites/${demo.siteId}/compare?from=0&to=2&service=nettoiement`);
    const changes = body.organisations.flatMap((row) => (row.costChange === null ? [] : [row.costChange]));
    expect(body.yearlyCostChange).toBeCloseTo(changes.reduce((sum, change) => sum + change, 0), 6);
    expect(body.organisations.find((row) => row.organisationId === null)!.costFrom).toBeNull();
    const ville = body.organisations.find((row) => row.organisationId === demo.organisationIds.Ville);
    if (ville) expect(ville.costFrom).toBeCloseTo(ville.areaFrom * 3, 6);
  });

  it('lets anonymous visitors read a public site, and hides a private one (404)', async () => {
    expect((await analysisOf(0, 'nettoiement', null)).status).toBe(200);
    await database.pool.query('update sites set public = false where id = $1', [demo.siteId]);
    try {
      for (const path of [`analysis?phase=0&service=nettoiement`, `compare?from=0&to=2&service=nettoiement`, `who?lon=${demo.inside[0]}&lat=${demo.inside[1]}`, 'unit-costs']) {
        expect((await api.call('GET', `/api/sites/${demo.siteId}/${path}`, null)).status).toBe(404);
      }
      expect((await analysisOf(0, 'nettoiement', coordinator)).status).toBe(200);
    } finally {
      await database.pool.query('update sites set public = true where id = $1', [demo.siteId]);
    }
  });

  it('makes the gap disappear at once when the coordinator draws a parcel over it', async () => {
    const before = (await analysisOf()).body;
    const gap = before.gaps.features[0]!;
    const created = await api.call<{ id: string }>('POST', `/api/sites/${demo.siteId}/parcels`, coordinator, {
      body: parcelFeature(gap.geometry, demo.organisationIds.Ville!, { label: 'Chemin AJ 102 — repris', services: ['nettoiement'] }),
    });
    expect(created.status).toBe(201);
    const after = (await analysisOf()).body;
    expect(after.gaps.features).toEqual([]);
    expect(after.gapArea).toBe(0);
    expect(after.coverage).toBe(1);
    expect(after.overlaps.features).toHaveLength(1);
    expect(after.outdoorArea).toBe(before.outdoorArea);
  });
});
