import { describe, expect, it } from 'vitest';
import type { AnalysisInput } from '../../../../core/analysis/analysis-input.js';
import { whoManages } from '../../../../core/analysis/who-manages.js';
import type { MultiPolygon } from '../../../../core/schemas/geojson.schema.js';
import { deepFreeze } from '../../../support/deep-freeze.js';

const square = (west: number, south: number, side: number): MultiPolygon => ({
  type: 'MultiPolygon',
  coordinates: [[[[west, south], [west + side, south], [west + side, south + side], [west, south + side], [west, south]]]],
});

const input: AnalysisInput = deepFreeze({
  perimeter: square(2.48, 48.9, 0.002),
  tolerance: 1,
  buildings: [{ geometry: square(2.4815, 48.9015, 0.0002), properties: { fromPhase: 0, toPhase: 1 } }],
  parcels: [
    { id: 'west', geometry: square(2.48, 48.9, 0.001), properties: { organisationId: 'ville', services: ['nettoiement', 'espaces_verts'], fromPhase: 0, toPhase: null } },
    { id: 'east', geometry: square(2.481, 48.9, 0.001), properties: { organisationId: 'bailleur', services: ['nettoiement'], fromPhase: 0, toPhase: 2 } },
    { id: 'waste', geometry: square(2.48, 48.9, 0.002), properties: { organisationId: 'agglo', services: ['collecte_om'], fromPhase: 1, toPhase: null } },
  ],
});

describe('whoManages', () => {
  it('answers per service, sorted, with the parcels alive at the phase', () => {
    expect(whoManages(input, [2.4805, 48.9005], 0)).toEqual({
      phase: 0,
      point: [2.4805, 48.9005],
      outdoor: true,
      services: [
        { service: 'collecte_om', parcels: [] },
        { service: 'espaces_verts', parcels: [{ parcelId: 'west', organisationId: 'ville' }] },
        { service: 'nettoiement', parcels: [{ parcelId: 'west', organisationId: 'ville' }] },
      ],
    });
    expect(whoManages(input, [2.4805, 48.9005], 1).services[0]).toEqual({ service: 'collecte_om', parcels: [{ parcelId: 'waste', organisationId: 'agglo' }] });
  });

  it('counts a shared edge as inside both parcels', () => {
    const cleaning = whoManages(input, [2.481, 48.9005], 0).services.find((entry) => entry.service === 'nettoiement');
    expect(cleaning?.parcels.map((entry) => entry.parcelId)).toEqual(['east', 'west']);
  });

  it('drops a parcel past its end phase', () => {
    const cleaning = whoManages(input, [2.4815, 48.9005], 2).services.find((entry) => entry.service === 'nettoiement');
    expect(cleaning?.parcels).toEqual([]);
  });

  it('is not outdoor under a standing building or outside the perimeter', () => {
    expect(whoManages(input, [2.4816, 48.9016], 0).outdoor).toBe(false);
    expect(whoManages(input, [2.4816, 48.9016], 1).outdoor).toBe(true);
    expect(whoManages(input, [2.4799, 48.9005], 0).outdoor).toBe(false);
  });
});
