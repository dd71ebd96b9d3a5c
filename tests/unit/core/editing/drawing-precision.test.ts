import { describe, expect, it } from 'vitest';
import { roundInsertions, roundToDrawingPrecision, type MultiPolygon } from '../../../../core/index.js';

describe('the drawing precision (9 decimals, as the map edits them)', () => {
  it('rounds computed crossings and drops a vertex that rounds onto the one before it', () => {
    const computed: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[[[2.4800000001234, 48.9], [2.481, 48.9], [2.48100000000004, 48.90000000000003], [2.481, 48.901], [2.4800000001234, 48.9]]]],
    };
    expect(roundToDrawingPrecision(computed).coordinates).toEqual([[[[2.48, 48.9], [2.481, 48.9], [2.481, 48.901], [2.48, 48.9]]]]);
  });

  it('rounds an insertion the same way, so the neighbour gets the very vertex the parcel has', () => {
    const [insertion] = roundInsertions([{ between: [[2.48, 48.9], [2.49, 48.9]], at: [2.4850000000004, 48.9] }]);
    expect(insertion).toEqual({ between: [[2.48, 48.9], [2.49, 48.9]], at: [2.485, 48.9] });
  });
});
