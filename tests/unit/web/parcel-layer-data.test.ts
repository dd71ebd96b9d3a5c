import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../../core/index.js';
import { geometryBbox } from '../../../core/index.js';
import { darkenColour } from '../../../web/src/map/darken-colour.js';
import { colourOverBackground } from '../../../web/src/map/map-symbols.js';
import { toParcelLayerData } from '../../../web/src/map/parcel-layer-data.js';
import { organisations, parcels } from './fixtures.js';

describe('darkenColour', () => {
  it('scales each channel', () => {
    expect(darkenColour('#ff8000', 0.5)).toBe('#804000');
    expect(darkenColour('#1F78B4', 1)).toBe('#1f78b4');
    expect(darkenColour('#123456', 0)).toBe('#000000');
  });

  it('throws on anything but #rrggbb', () => {
    expect(() => darkenColour('red')).toThrow(/#1f78b4/);
  });
});

describe('toParcelLayerData', () => {
  const data = toParcelLayerData(parcels.features, organisations);

  it('carries the parcel id, the organisation colour and a darker outline', () => {
    expect(data.features[0]?.properties).toEqual({
      parcelId: '10000000-0000-4000-8000-000000000001',
      organisationId: '00000000-0000-4000-8000-000000000001',
      colour: '#1f78b4',
      shownColour: colourOverBackground('#1f78b4'),
      outlineColour: darkenColour('#1f78b4'),
      footprint: expect.any(Number),
    });
    expect(data.features[0]?.geometry).toBe(parcels.features[0]?.geometry);
  });

  it('ranks parcels by the size of their box, so that the style draws smaller ones on top', () => {
    const boxArea = (geometry: MultiPolygon) => {
      const [west, south, east, north] = geometryBbox(geometry.coordinates);
      return (east - west) * (north - south);
    };
    for (const [index, feature] of data.features.entries()) expect(feature.properties.footprint).toBe(boxArea(parcels.features[index]!.geometry));
    expect(new Set(data.features.map((feature) => feature.properties.footprint)).size).toBeGreaterThan(1);
  });

  it('colours parcels of an unknown organisation grey', () => {
    expect(data.features[4]?.properties.colour).toBe('#9e9e9e');
  });

  it('keeps one feature per parcel', () => {
    expect(data.features).toHaveLength(parcels.features.length);
  });
});
