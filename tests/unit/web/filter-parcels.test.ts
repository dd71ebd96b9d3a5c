import { describe, expect, it } from 'vitest';
import { filterParcels } from '../../../web/src/domain/filter-parcels.js';
import { parcels } from './fixtures.js';

const labels = (list: ReturnType<typeof filterParcels>) => list.map((parcel) => parcel.properties.label);

describe('filterParcels', () => {
  it('keeps every parcel alive at the phase when no service is chosen', () => {
    expect(labels(filterParcels(parcels.features, { phase: 0, serviceCode: null }))).toEqual([
      'Square central',
      'Cour du bâtiment A',
      null,
      'Parcelle orpheline',
    ]);
  });

  it('applies the [fromPhase, toPhase) range: retired parcels go, new ones come', () => {
    expect(labels(filterParcels(parcels.features, { phase: 1, serviceCode: null }))).toEqual([
      'Square central',
      null,
      'Cour résidentialisée A',
      'Parcelle orpheline',
    ]);
  });

  it('keeps only parcels whose services include the chosen one', () => {
    expect(labels(filterParcels(parcels.features, { phase: 0, serviceCode: 'espaces_verts' }))).toEqual(['Square central']);
    expect(labels(filterParcels(parcels.features, { phase: 1, serviceCode: 'collecte_om' }))).toEqual([null]);
  });

  it('returns nothing for a service no parcel covers', () => {
    expect(filterParcels(parcels.features, { phase: 0, serviceCode: 'eclairage' })).toEqual([]);
  });
});
