import { describe, expect, it } from 'vitest';
import { replacePolygonPart } from '../../../../core/editing/replace-polygon-part.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { expectNormalised, multi, rectangle, ring } from './editing-fixtures.js';

describe('replacePolygonPart', () => {
  const twoParts = deepFreeze(multi([rectangle(0, 0, 2, 2)], [rectangle(4, 0, 6, 2)]));

  it('puts the reshaped part back in its place, closed and oriented', () => {
    // terra-draw may hand back the ring clockwise: it comes back counter-clockwise.
    const reshaped = ring([4, 0], [6, 0], [7, 3], [4, 2]).reverse();
    const edit = replacePolygonPart(twoParts, 1, { type: 'Polygon', coordinates: [reshaped] });
    expect(edit.kind).toBe('edited');
    if (edit.kind !== 'edited') return;
    expectNormalised(edit.geometry);
    expect(edit.geometry.coordinates[0]).toEqual(twoParts.coordinates[0]);
    expect(edit.geometry.coordinates[1]).toEqual([ring([4, 0], [4, 2], [7, 3], [6, 0]).reverse()]);
  });

  it('refuses a reshaped part overlapping another, with the geometry fault', () => {
    const edit = replacePolygonPart(twoParts, 1, { type: 'Polygon', coordinates: [rectangle(1, 0, 6, 2)] });
    expect(edit).toMatchObject({ kind: 'invalid', reason: 'polygons_overlap' });
  });

  it('applies the site\'s minimum area', () => {
    const edit = replacePolygonPart(twoParts, 0, { type: 'Polygon', coordinates: [rectangle(0, 0, 0.01, 0.01)] }, { minArea: 1 });
    expect(edit).toMatchObject({ kind: 'invalid', reason: 'area_too_small' });
  });

  it('throws when there is no such part', () => {
    expect(() => replacePolygonPart(twoParts, 2, { type: 'Polygon', coordinates: [rectangle(0, 0, 1, 1)] })).toThrow(RangeError);
  });
});
