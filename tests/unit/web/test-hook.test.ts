import { describe, expect, it } from 'vitest';
import { countRenderedParcels } from '../../../web/src/map/test-hook.js';

describe('countRenderedParcels', () => {
  it('counts a parcel split across tiles once', () => {
    const features = [
      { id: 'a', properties: { parcelId: 'a' } },
      { id: 'a', properties: { parcelId: 'a' } },
      { id: 'b', properties: { parcelId: 'b' } },
    ];
    expect(countRenderedParcels(features)).toBe(2);
    expect(countRenderedParcels([])).toBe(0);
  });
});
