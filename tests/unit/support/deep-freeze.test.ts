import { describe, expect, it } from 'vitest';
import { organisations, parcels } from '../web/fixtures.js';
import { deepFreeze } from '../../support/deep-freeze.js';

describe('deepFreeze', () => {
  it('freezes the web fixtures down to every coordinate pair, so writing anywhere in them throws', () => {
    const parcel = parcels.features[0]!;
    expect(Object.isFrozen(parcels)).toBe(true);
    expect(Object.isFrozen(parcel.geometry.coordinates[0]![0]![0])).toBe(true);
    expect(Object.isFrozen(organisations[0])).toBe(true);
    expect(() => {
      (parcel.geometry.coordinates[0]![0]![0] as number[])[0] = 0;
    }).toThrow(TypeError);
    expect(() => (parcels.features as unknown[]).push(parcel)).toThrow(TypeError);
  });

  it('returns the value itself, leaves primitives alone, and freezing twice changes nothing', () => {
    const shared = { corner: [2.48, 48.9] };
    const value = { first: shared, second: shared, name: 'Bondy', missing: null };
    expect(deepFreeze(value)).toBe(value);
    expect(deepFreeze(value)).toBe(value);
    expect(Object.isFrozen(value.second.corner)).toBe(true);
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBe(null);
  });
});
