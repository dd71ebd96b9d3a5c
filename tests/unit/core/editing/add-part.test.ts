import { describe, expect, it } from 'vitest';
import { addPart } from '../../../../core/editing/add-part.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { expectNormalised, multi, rectangle } from './editing-fixtures.js';

describe('addPart', () => {
  const square = deepFreeze(multi([rectangle(0, 0, 2, 2)]));

  it('adds a separate polygon as one more part', () => {
    const edit = addPart(square, { type: 'Polygon', coordinates: [rectangle(4, 0, 5, 1)] });
    expect(edit.kind === 'edited' && edit.geometry.coordinates).toEqual([[rectangle(0, 0, 2, 2)], [rectangle(4, 0, 5, 1)]]);
    if (edit.kind === 'edited') expectNormalised(edit.geometry);
  });

  it('refuses a part overlapping the parcel or sharing an edge with it: merge them instead', () => {
    expect(addPart(square, { type: 'Polygon', coordinates: [rectangle(1, 1, 3, 3)] })).toMatchObject({ kind: 'invalid', reason: 'polygons_overlap' });
    expect(addPart(square, { type: 'Polygon', coordinates: [rectangle(2, 0, 3, 2)] })).toMatchObject({ kind: 'invalid', reason: 'polygons_share_edge' });
  });
});
