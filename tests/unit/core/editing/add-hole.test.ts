import { describe, expect, it } from 'vitest';
import { addHole } from '../../../../core/editing/add-hole.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { at, expectNormalised, multi, rectangle, ring } from './editing-fixtures.js';

describe('addHole', () => {
  const twoParts = deepFreeze(multi([rectangle(0, 0, 6, 6), rectangle(1, 1, 2, 2).reverse()], [rectangle(8, 0, 12, 4)]));

  it('cuts a ring out of the part it lies in, closed and clockwise, open or closed as drawn', () => {
    const open = [at(9, 1), at(11, 1), at(11, 3), at(9, 3)];
    const edit = addHole(twoParts, open);
    expect(edit.kind).toBe('edited');
    if (edit.kind !== 'edited') return;
    expectNormalised(edit.geometry);
    expect(edit.geometry.coordinates[1]).toEqual([rectangle(8, 0, 12, 4), rectangle(9, 1, 11, 3).reverse()]);
    expect(geodesicArea(edit.geometry)).toBeLessThan(geodesicArea(twoParts));
  });

  it('adds a hole beside an existing one, and accepts a hole touching the edge at a corner', () => {
    const beside = addHole(twoParts, rectangle(3, 3, 4, 4));
    expect(beside.kind === 'edited' && beside.geometry.coordinates[0]).toHaveLength(3);
    const touching = addHole(twoParts, ring([0, 3], [2, 4], [2, 5]));
    expect(touching.kind).toBe('edited');
  });

  it('refuses a ring outside every part, or inside a hole', () => {
    expect(addHole(twoParts, rectangle(20, 20, 21, 21))).toMatchObject({ kind: 'invalid', reason: 'hole_outside_parts', location: at(20, 20) });
    expect(addHole(twoParts, rectangle(1.2, 1.2, 1.8, 1.8))).toMatchObject({ kind: 'invalid', reason: 'hole_outside_parts' });
    // Half in, half out; or with a corner in the existing hole.
    expect(addHole(twoParts, rectangle(5, 1, 7, 2))).toMatchObject({ kind: 'invalid', reason: 'hole_outside_parts' });
    expect(addHole(twoParts, rectangle(1.5, 1.5, 3, 3))).toMatchObject({ kind: 'invalid', reason: 'hole_outside_parts' });
  });

  it('refuses, with the geometry fault, a hole overlapping another or crossing a concave part\'s edge', () => {
    // Its corners avoid the existing hole [1, 2] × [1, 2], its edges cross it.
    expect(addHole(twoParts, ring([1.5, 0.5], [3, 0.5], [3, 3], [1.5, 3]))).toMatchObject({ kind: 'invalid', reason: 'holes_overlap' });
    const horseshoe = multi([ring([0, 0], [6, 0], [6, 4], [4, 4], [4, 2], [2, 2], [2, 4], [0, 4])]);
    const acrossTheNotch = addHole(horseshoe, ring([1, 3], [5, 3], [5, 3.5], [1, 3.5]));
    expect(acrossTheNotch).toMatchObject({ kind: 'invalid', reason: 'hole_crosses_shell' });
  });
});
