import { describe, expect, it } from 'vitest';
import { removeHole } from '../../../../core/editing/remove-hole.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { multi, rectangle } from './editing-fixtures.js';

describe('removeHole', () => {
  const holed = deepFreeze(multi([rectangle(0, 0, 6, 6), rectangle(1, 1, 2, 2).reverse(), rectangle(3, 3, 5, 5).reverse()]));

  it('fills the hole and keeps the others', () => {
    expect(removeHole(holed, 0, 1)).toEqual({ kind: 'edited', geometry: multi([rectangle(0, 0, 6, 6), rectangle(3, 3, 5, 5).reverse()]) });
  });

  it('refuses to fill a hole another part of the parcel sits in', () => {
    const island = multi([rectangle(0, 0, 6, 6), rectangle(2, 2, 4, 4).reverse()], [rectangle(2.5, 2.5, 3.5, 3.5)]);
    expect(removeHole(island, 0, 1)).toMatchObject({ kind: 'invalid', reason: 'polygons_overlap' });
  });

  it('throws for the exterior ring or a ring that does not exist', () => {
    expect(() => removeHole(holed, 0, 0)).toThrow(RangeError);
    expect(() => removeHole(holed, 0, 3)).toThrow(RangeError);
    expect(() => removeHole(holed, 1, 1)).toThrow(RangeError);
  });
});
