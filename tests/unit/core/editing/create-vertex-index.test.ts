import { describe, expect, it } from 'vitest';
import { createVertexIndex } from '../../../../core/editing/create-vertex-index.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { at, multi, rectangle, ring } from './editing-fixtures.js';

describe('createVertexIndex', () => {
  const index = createVertexIndex(
    deepFreeze([
      { id: 'west', geometry: multi([ring([0, 0], [2, 0], [2, 2], [0, 2])]) },
      { id: 'east', geometry: multi([ring([2, 0], [4, 0], [4, 2], [2, 2])]) },
      { id: 'north', geometry: multi([ring([0, 2], [2, 2], [4, 2], [4, 4], [0, 4])]) },
      { id: 'holed', geometry: multi([rectangle(10, 10, 14, 14), rectangle(11, 11, 12, 12).reverse()]) },
    ]),
  );

  it('says which parcels share a vertex, each once (the closing position is not a second vertex)', () => {
    expect(index.parcelIdsAt(at(2, 2))).toEqual(['west', 'east', 'north']);
    expect(index.parcelIdsAt(at(0, 0))).toEqual(['west']);
    expect(index.parcelIdsAt(at(11, 11))).toEqual(['holed']);
  });

  it('counts no parcel where a point only lies on an edge, or nowhere', () => {
    expect(index.parcelIdsAt(at(1, 0))).toEqual([]);
    expect(index.parcelIdsAt(at(50, 50))).toEqual([]);
  });
});
