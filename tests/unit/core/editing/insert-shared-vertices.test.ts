import { describe, expect, it } from 'vitest';
import type { EditableParcel, VertexInsertion } from '../../../../core/editing/editable-parcel.js';
import { findMovedVertex } from '../../../../core/editing/find-moved-vertex.js';
import { insertSharedVertices } from '../../../../core/editing/insert-shared-vertices.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { at, expectNormalised, multi, ring, sharedArea } from './editing-fixtures.js';

describe('insertSharedVertices', () => {
  // West and east share the edge from (2, 0) to (2, 2), run in opposite directions.
  const parcels: EditableParcel[] = deepFreeze([
    { id: 'west', geometry: multi([ring([0, 0], [2, 0], [2, 2], [0, 2])]) },
    { id: 'east', geometry: multi([ring([2, 0], [4, 0], [4, 2], [2, 2])]) },
    { id: 'north', geometry: multi([ring([0, 2], [2, 2], [2, 3], [0, 3])]) },
  ]);

  it('bends a shared edge in both parcels when its midpoint is dragged in one of them', () => {
    const before = parcels[0]!.geometry.coordinates[0]!;
    const after = [[...before[0]!.slice(0, 2), at(2.5, 1), ...before[0]!.slice(2)]];
    const edit = findMovedVertex(before, after);
    expect(edit).toEqual({ kind: 'inserted', ringIndex: 0, index: 2, at: at(2.5, 1), between: [at(2, 0), at(2, 2)] });
    if (edit?.kind !== 'inserted') return;
    const changed = insertSharedVertices(parcels, [edit]);
    // North shares only the end (2, 2) of that edge: it does not change.
    expect(changed.map((parcel) => parcel.id)).toEqual(['west', 'east']);
    expect(changed[1]!.geometry.coordinates[0]![0]).toEqual([at(2, 0), at(4, 0), at(4, 2), at(2, 2), at(2.5, 1), at(2, 0)]);
    for (const parcel of changed) expectNormalised(parcel.geometry);
    expect(sharedArea(changed[0]!.geometry, changed[1]!.geometry)).toBeLessThan(1e-6);
    const total = geodesicArea(parcels[0]!.geometry) + geodesicArea(parcels[1]!.geometry);
    expect(Math.abs(geodesicArea(changed[0]!.geometry) + geodesicArea(changed[1]!.geometry) - total)).toBeLessThan(1e-6 * total);
  });

  it('applies several insertions along one edge in order', () => {
    const insertions: VertexInsertion[] = [
      { between: [at(2, 0), at(2, 2)], at: at(2, 0.5) },
      { between: [at(2, 0.5), at(2, 2)], at: at(2, 1.5) },
    ];
    const [west, east] = insertSharedVertices(parcels, insertions);
    expect(west!.geometry.coordinates[0]![0]).toEqual([at(0, 0), at(2, 0), at(2, 0.5), at(2, 1.5), at(2, 2), at(0, 2), at(0, 0)]);
    expect(east!.geometry.coordinates[0]![0]).toEqual([at(2, 0), at(4, 0), at(4, 2), at(2, 2), at(2, 1.5), at(2, 0.5), at(2, 0)]);
  });

  it('changes nothing when no parcel has the edge', () => {
    expect(insertSharedVertices(parcels, [{ between: [at(0, 0), at(4, 0)], at: at(2, -1) }])).toEqual([]);
  });
});
