import { describe, expect, it } from 'vitest';
import { removePart } from '../../../../core/editing/remove-part.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { multi, rectangle } from './editing-fixtures.js';

describe('removePart', () => {
  it('removes one part and keeps the others', () => {
    const twoParts = deepFreeze(multi([rectangle(0, 0, 2, 2)], [rectangle(4, 0, 6, 2)]));
    expect(removePart(twoParts, 0)).toEqual({ kind: 'edited', geometry: multi([rectangle(4, 0, 6, 2)]) });
  });

  it('refuses to remove the only part: that is deleting the parcel', () => {
    expect(removePart(multi([rectangle(0, 0, 2, 2)]), 0)).toMatchObject({ kind: 'invalid', reason: 'last_part' });
  });

  it('throws when there is no such part', () => {
    expect(() => removePart(multi([rectangle(0, 0, 2, 2)]), 1)).toThrow(RangeError);
    expect(() => removePart(multi([rectangle(0, 0, 2, 2)]), -1)).toThrow(RangeError);
  });
});
