import { describe, expect, it } from 'vitest';
import { translateGeometry } from '../../../../core/editing/translate-geometry.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { expectNormalised, multi, rectangle } from './editing-fixtures.js';

describe('translateGeometry', () => {
  const holed = deepFreeze(multi([rectangle(0, 0, 4, 4), rectangle(1, 1, 2, 2).reverse()], [rectangle(6, 0, 7, 1)]));

  it('moves every vertex by the drag, holes and parts included, rounded to 9 decimals', () => {
    const moved = translateGeometry(holed, [2.4801, 48.9001], [2.480123456789, 48.900087654321]);
    expect(moved.coordinates[0]![0]![0]).toEqual([2.480023457, 48.899987654]);
    expect(moved.coordinates[0]![1]![0]).toEqual([2.480123457, 48.900087654]);
    expect(moved.coordinates[1]![0]![2]).toEqual([2.480723457, 48.900087654]);
    for (const value of moved.coordinates.flat(3)) expect(Math.round(value * 1e9) / 1e9).toBe(value);
    expectNormalised(moved);
  });

  it('keeps rings closed and the shape unchanged', () => {
    const moved = translateGeometry(holed, [2.48, 48.9], [2.4812345, 48.8998765]);
    for (const ring of moved.coordinates.flat()) expect(ring[ring.length - 1]).toEqual(ring[0]);
    const [[west, south], [east, north]] = [moved.coordinates[0]![0]![0]!, moved.coordinates[0]![0]![2]!];
    expect(east - west).toBeCloseTo(0.0004, 9);
    expect(north - south).toBeCloseTo(0.0004, 9);
  });

  it('gives an exact 7-decimal vertex back when the drag is undone', () => {
    const there = translateGeometry(holed, [2.48, 48.9], [2.480000123, 48.900000456]);
    expect(translateGeometry(there, [2.480000123, 48.900000456], [2.48, 48.9])).toEqual(holed);
  });
});
