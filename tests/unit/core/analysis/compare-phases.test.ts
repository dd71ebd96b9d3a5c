import { describe, expect, it } from 'vitest';
import type { AnalysisInput } from '../../../../core/analysis/analysis-input.js';
import { comparePhases } from '../../../../core/analysis/compare-phases.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import type { MultiPolygon } from '../../../../core/schemas/geojson.schema.js';
import { deepFreeze } from '../../../support/deep-freeze.js';

// A 100 × 60 m site in Bondy: the city manages the west half, the landlord the east half around a building
// (20 × 20 m) that is demolished at phase 1. At phase 1 nobody has a parcel on the freed ground yet.
const point = (x: number, y: number): [number, number] => [Math.round((2.48 + x / 73240) * 1e7) / 1e7, Math.round((48.9 + y / 111200) * 1e7) / 1e7];
const rect = (x0: number, y0: number, x1: number, y1: number) => [point(x0, y0), point(x1, y0), point(x1, y1), point(x0, y1), point(x0, y0)];
const multi = (...polygons: Array<Array<Array<[number, number]>>>): MultiPolygon => ({ type: 'MultiPolygon', coordinates: polygons });
const parcel = (id: string, organisationId: string, geometry: MultiPolygon) => ({
  id, geometry, properties: { organisationId, services: ['nettoiement'], fromPhase: 0, toPhase: null },
});

const input: AnalysisInput = deepFreeze({
  perimeter: multi([rect(0, 0, 100, 60)]),
  tolerance: 1,
  buildings: [{ geometry: multi([rect(60, 20, 80, 40)]), properties: { fromPhase: 0, toPhase: 1 } }],
  parcels: [
    parcel('a', 'org-ville', multi([rect(0, 0, 50, 60)])),
    parcel('b', 'org-bailleur', multi([rect(50, 0, 100, 60), [...rect(60, 20, 80, 40)].reverse()])),
  ],
});
const buildingArea = geodesicArea(multi([rect(60, 20, 80, 40)]));

describe('comparePhases', () => {
  const comparison = comparePhases(input, 0, 1, 'nettoiement', { default: 2, byOrganisation: { 'org-bailleur': 3 } });
  const row = (organisationId: string | null) => comparison.organisations.find((change) => change.organisationId === organisationId);

  it('lists every organisation, then nobody', () => {
    expect(comparison.organisations.map((change) => change.organisationId)).toEqual(['org-bailleur', 'org-ville', null]);
  });

  it('moves the demolished building from nobody under a building to nobody on open ground: no one gains or loses', () => {
    expect(row('org-ville')).toMatchObject({ gainedArea: 0, lostArea: 0 });
    expect(row('org-bailleur')).toMatchObject({ gainedArea: 0, lostArea: 0 });
    expect(row(null)?.areaFrom).toBeCloseTo(buildingArea, 6);
    expect(row(null)?.areaTo).toBeCloseTo(buildingArea, 6);
    expect(comparison.transfers.find((transfer) => transfer.from === null)).toEqual({ from: null, to: null, area: expect.closeTo(buildingArea, 6) });
  });

  it('prices each organisation at its own or the default unit cost; nobody costs nothing', () => {
    expect(row('org-bailleur')?.costFrom).toBeCloseTo((row('org-bailleur')?.areaFrom ?? 0) * 3, 6);
    expect(row('org-ville')?.costFrom).toBeCloseTo((row('org-ville')?.areaFrom ?? 0) * 2, 6);
    expect(row(null)).toMatchObject({ costFrom: null, costTo: null, costChange: null });
    expect(comparison.yearlyCostChange).toBeCloseTo(0, 6);
  });

  it('gives the freed ground to whoever gets a parcel on it at phase 2: a transfer from nobody', () => {
    const withNewParcel: AnalysisInput = deepFreeze({
      ...input,
      parcels: [...input.parcels, { ...parcel('c', 'org-ville', multi([rect(60, 20, 80, 40)])), properties: { organisationId: 'org-ville', services: ['nettoiement'], fromPhase: 2, toPhase: null } }],
    });
    const later = comparePhases(withNewParcel, 0, 2, 'nettoiement', { default: 2, byOrganisation: {} });
    expect(later.transfers).toContainEqual({ from: null, to: 'org-ville', area: expect.closeTo(buildingArea, 6) });
    const city = later.organisations.find((change) => change.organisationId === 'org-ville');
    expect(city?.gainedArea).toBeCloseTo(buildingArea, 6);
    expect(city?.costChange).toBeCloseTo(buildingArea * 2, 6);
    expect(later.yearlyCostChange).toBeCloseTo(buildingArea * 2, 6);
    expect(later.gained.features).toEqual([expect.objectContaining({ properties: { organisationId: 'org-ville', area: expect.closeTo(buildingArea, 6) } })]);
    expect(later.lost.features).toEqual([expect.objectContaining({ properties: { organisationId: null, area: expect.closeTo(buildingArea, 6) } })]);
  });

  it('counts a transfer matrix whose rows add up to the areas at the first phase', () => {
    for (const change of comparison.organisations) {
      const row = comparison.transfers.filter((transfer) => transfer.from === change.organisationId).reduce((total, transfer) => total + transfer.area, 0);
      expect(row).toBeCloseTo(change.areaFrom, 4);
    }
  });
});
