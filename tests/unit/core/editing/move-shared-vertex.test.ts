import { describe, expect, it } from 'vitest';
import type { EditableParcel } from '../../../../core/editing/editable-parcel.js';
import { moveSharedVertex } from '../../../../core/editing/move-shared-vertex.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import type { Position } from '../../../../core/schemas/geojson.schema.js';
import { generateTiling } from '../../../support/generate-tiling.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { at, expectNormalised, multi, rectangle, ring, sharedArea } from './editing-fixtures.js';

describe('moveSharedVertex', () => {
  // Three parcels meeting at (2, 2): west and east share the edge x = 2 up to it, north sits on both.
  // A fourth, far away, has nothing to do with it.
  const parcels: EditableParcel[] = deepFreeze([
    { id: 'west', geometry: multi([ring([0, 0], [2, 0], [2, 2], [0, 2])]) },
    { id: 'east', geometry: multi([ring([2, 0], [4, 0], [4, 2], [2, 2])]) },
    { id: 'north', geometry: multi([ring([0, 2], [2, 2], [4, 2], [4, 4], [0, 4])]) },
    { id: 'far', geometry: multi([rectangle(10, 10, 11, 11)]) },
  ]);

  it('moves a vertex shared by three parcels in all three, and returns only those', () => {
    const moved = moveSharedVertex(parcels, at(2, 2), at(2.5, 1.5));
    expect(moved.map((parcel) => parcel.id)).toEqual(['west', 'east', 'north']);
    for (const parcel of moved) {
      expectNormalised(parcel.geometry);
      expect(parcel.geometry.coordinates.flat(2)).toContainEqual(at(2.5, 1.5));
      expect(parcel.geometry.coordinates.flat(2)).not.toContainEqual(at(2, 2));
    }
    // Still a tiling: the three cover what they covered, without overlapping.
    const before = parcels.slice(0, 3).reduce((sum, parcel) => sum + geodesicArea(parcel.geometry), 0);
    const after = moved.reduce((sum, parcel) => sum + geodesicArea(parcel.geometry), 0);
    expect(Math.abs(after - before)).toBeLessThan(1e-6 * before);
    expect(sharedArea(moved[0]!.geometry, moved[1]!.geometry)).toBeLessThan(1e-6);
    expect(sharedArea(moved[1]!.geometry, moved[2]!.geometry)).toBeLessThan(1e-6);
  });

  it('moves a vertex shared by two parcels in both', () => {
    expect(moveSharedVertex(parcels, at(2, 0), at(2, -1)).map((parcel) => parcel.id)).toEqual(['west', 'east']);
  });

  it('leaves a neighbour alone when the vertex only lies on its edge', () => {
    // (3, 2) lies on edges of east and north but is no parcel's vertex: nothing moves.
    expect(moveSharedVertex(parcels, at(3, 2), at(3, 3))).toEqual([]);
    // A parcel with a corner at (3, 2), on the edges of east and north (a T-junction): only it moves.
    const withCornerOnEdges = [{ id: 'triangle', geometry: multi([ring([3, 2], [5, 5], [3, 5])]) }, ...parcels];
    expect(moveSharedVertex(withCornerOnEdges, at(3, 2), at(3, 2.5)).map((parcel) => parcel.id)).toEqual(['triangle']);
  });

  it('moves the first vertex together with the closing position, so the ring stays closed', () => {
    const [west] = moveSharedVertex(parcels, at(0, 0), at(-1, -1));
    const exterior = west!.geometry.coordinates[0]![0]!;
    expect(exterior[0]).toEqual(at(-1, -1));
    expect(exterior[exterior.length - 1]).toEqual(at(-1, -1));
    expectNormalised(west!.geometry);
  });

  it('moves vertices of holes and of every part', () => {
    const holed = { id: 'holed', geometry: multi([rectangle(0, 0, 4, 4), rectangle(1, 1, 2, 2).reverse()], [rectangle(5, 0, 6, 1)]) };
    const [moved] = moveSharedVertex([holed], at(1, 1), at(1.5, 1.2));
    expect(moved!.geometry.coordinates[0]![1]).toContainEqual(at(1.5, 1.2));
    expect(moveSharedVertex([holed], at(6, 1), at(6.5, 1))[0]!.geometry.coordinates[1]![0]).toContainEqual(at(6.5, 1));
  });

  it('collapses the repeated position left when a vertex is dropped onto its neighbour', () => {
    const [west] = moveSharedVertex(parcels.slice(0, 1), at(2, 2), at(2, 0));
    expect(west!.geometry.coordinates[0]![0]).toEqual([at(0, 0), at(2, 0), at(0, 2), at(0, 0)]);
  });

  it('moves nothing when the vertex does not move', () => {
    expect(moveSharedVertex(parcels, at(2, 2), at(2, 2))).toEqual([]);
  });

  it('keeps a generated tiling a tiling: the four cells around an inner vertex move, nothing else', () => {
    const tiling = generateTiling({ parcels: 400, seed: 3, defects: 0 });
    const cells = tiling.parcels.map((parcel) => ({ id: String(parcel.id), geometry: parcel.geometry }));
    const inner = cells[210]!.geometry.coordinates[0]![0]![2] as Position;
    const moved = moveSharedVertex(cells, inner, [inner[0] + 0.00003, inner[1] - 0.00002]);
    expect(moved).toHaveLength(4);
    const byId = new Map(cells.map((cell) => [cell.id, cell]));
    const before = moved.reduce((sum, cell) => sum + geodesicArea(byId.get(cell.id)!.geometry), 0);
    const after = moved.reduce((sum, cell) => sum + geodesicArea(cell.geometry), 0);
    expect(Math.abs(after - before)).toBeLessThan(1e-6 * before);
    for (const [index, first] of moved.entries()) {
      expectNormalised(first.geometry);
      for (const second of moved.slice(index + 1)) expect(sharedArea(first.geometry, second.geometry)).toBeLessThan(1e-6);
    }
  });
});
