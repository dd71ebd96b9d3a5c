import { describe, expect, it } from 'vitest';
import { samePosition } from '../../../../core/geometry/same-position.js';
import { at, rectangle } from '../editing/editing-fixtures.js';

describe('samePosition', () => {
  it('finds the closing position of every fixture ring equal to its first, and no two corners equal', () => {
    const ring = rectangle(0, 0, 3, 2);
    expect(samePosition(ring[0]!, ring[ring.length - 1]!)).toBe(true);
    for (let first = 0; first < ring.length - 1; first += 1) {
      for (let second = first + 1; second < ring.length - 1; second += 1) expect(samePosition(ring[first]!, ring[second]!)).toBe(false);
    }
  });

  it('is exact: one unit in the last place apart is another position, whatever the latitude or longitude', () => {
    const [longitude, latitude] = at(1, 1);
    expect(samePosition([longitude, latitude], [longitude, latitude])).toBe(true);
    expect(samePosition([longitude, latitude], [longitude + Number.EPSILON * 4, latitude])).toBe(false);
    expect(samePosition([longitude, latitude], [longitude, latitude + Number.EPSILON * 64])).toBe(false);
  });

  it('compares longitude and latitude only, so a terra-draw position with an altitude still matches', () => {
    expect(samePosition([2.48, 48.9, 35], [2.48, 48.9])).toBe(true);
    expect(samePosition([2.48, 48.9], [48.9, 2.48])).toBe(false);
  });
});
