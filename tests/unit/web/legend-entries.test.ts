import { describe, expect, it } from 'vitest';
import { filterParcels } from '../../../web/src/domain/filter-parcels.js';
import { legendEntries, UNKNOWN_ORGANISATION_COLOUR } from '../../../web/src/domain/legend-entries.js';
import { organisations, parcels } from './fixtures.js';

describe('legendEntries', () => {
  it('lists each organisation present once, sorted by name, unknown organisations last', () => {
    expect(legendEntries(parcels.features, organisations)).toEqual([
      { organisationId: '00000000-0000-4000-8000-000000000003', name: 'Agglomération Démo', colour: '#33a02c' },
      { organisationId: '00000000-0000-4000-8000-000000000002', name: 'Office HLM Démo', colour: '#e31a1c' },
      { organisationId: '00000000-0000-4000-8000-000000000001', name: 'Ville de Démo', colour: '#1f78b4' },
      { organisationId: '00000000-0000-4000-8000-000000000009', name: null, colour: UNKNOWN_ORGANISATION_COLOUR },
    ]);
  });

  it('leaves out organisations with no parcel shown', () => {
    const shown = filterParcels(parcels.features, { phase: 0, serviceCode: 'espaces_verts' });
    expect(legendEntries(shown, organisations).map((entry) => entry.name)).toEqual(['Ville de Démo']);
  });

  it('is empty when no parcel is shown', () => {
    expect(legendEntries([], organisations)).toEqual([]);
  });
});
