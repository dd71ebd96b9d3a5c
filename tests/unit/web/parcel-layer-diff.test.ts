import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../../core/index.js';
import { toParcelLayerData } from '../../../web/src/map/parcel-layer-data.js';
import { parcelLayerDiff } from '../../../web/src/map/parcel-layer-diff.js';
import { organisations, parcels } from './fixtures.js';

const features = parcels.features;
const moved = (geometry: MultiPolygon): MultiPolygon => ({ type: 'MultiPolygon', coordinates: geometry.coordinates.map((part) => part.map((ring) => ring.map(([x, y]) => [x! + 1e-6, y!]))) });

describe('toParcelLayerData', () => {
  it('gives a parcel given again the same feature, and a reshaped one a new feature', () => {
    const first = toParcelLayerData(features, organisations);
    const reshaped = features.map((parcel, rank) => (rank === 1 ? { ...parcel, geometry: moved(parcel.geometry) } : parcel));
    const second = toParcelLayerData(reshaped, organisations);
    expect(second.features[0]).toBe(first.features[0]);
    expect(second.features[1]).not.toBe(first.features[1]);
    expect(second.features[1]?.geometry).toBe(reshaped[1]?.geometry);
  });
});

describe('parcelLayerDiff', () => {
  const before = toParcelLayerData(features, organisations);
  const idOf = (rank: number) => before.features[rank]!.properties.parcelId;

  it('patches the reshaped parcels only', () => {
    const after = toParcelLayerData(features.map((parcel, rank) => (rank === 2 ? { ...parcel, geometry: moved(parcel.geometry) } : parcel)), organisations);
    expect(parcelLayerDiff(before, after)).toEqual({ remove: [idOf(2)], add: [after.features[2]] });
  });

  it('removes the parcels gone and adds the new ones, whatever their order', () => {
    const after = toParcelLayerData([...features.slice(1)].reverse(), organisations);
    expect(parcelLayerDiff(before, after)).toEqual({ remove: [idOf(0)], add: [] });
  });

  it('says to replace the whole layer when most parcels changed', () => {
    const after = toParcelLayerData(features.map((parcel) => ({ ...parcel, geometry: moved(parcel.geometry) })), organisations);
    expect(parcelLayerDiff(before, after)).toBeNull();
  });

  it('is empty when nothing changed', () => {
    expect(parcelLayerDiff(before, toParcelLayerData(features, organisations))).toEqual({ remove: [], add: [] });
  });
});
