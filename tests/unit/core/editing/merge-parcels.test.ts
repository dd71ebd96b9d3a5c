import { describe, expect, it } from 'vitest';
import { mergeParcels } from '../../../../core/editing/merge-parcels.js';
import { splitParcel } from '../../../../core/editing/split-parcel.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import type { MultiPolygon } from '../../../../core/schemas/geojson.schema.js';
import { generateTiling } from '../../../support/generate-tiling.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { at, expectGolden, expectNormalised, multi, planarArea, rectangle, ring } from './editing-fixtures.js';

function expectMerge(name: string, description: string, geometries: MultiPolygon[], options?: Parameters<typeof mergeParcels>[1]): MultiPolygon {
  const merged = mergeParcels(deepFreeze(geometries), options);
  expectGolden('merge', name, description, geometries.map((geometry, index) => ({ role: `parcel ${index + 1}`, geometry })), [{ role: 'merged', geometry: merged }]);
  expectNormalised(merged);
  return merged;
}

describe('mergeParcels', () => {
  const west = multi([rectangle(0, 0, 2, 2)]);
  const east = multi([rectangle(2, 0, 4, 2)]);

  it('merges two squares sharing an edge into one polygon, keeping the ends of the dissolved edge', () => {
    const merged = expectMerge('adjacent-squares', 'Two squares sharing an edge', [west, east]);
    // The ends of the shared edge stay, straight between their neighbours: they may be corners of
    // the parcels around (see MergeOptions). The edge itself is gone.
    expect(merged.coordinates).toEqual([[[at(0, 0), at(2, 0), at(4, 0), at(4, 2), at(2, 2), at(0, 2), at(0, 0)]]]);
  });

  it('returns the bare four corners when asked to drop the vertices left straight', () => {
    const merged = expectMerge('adjacent-squares-bare', 'Two squares sharing an edge, collinear vertices dropped', [west, east], { keepCollinearVertices: false });
    expect(merged.coordinates).toEqual([[[at(0, 0), at(4, 0), at(4, 2), at(0, 2), at(0, 0)]]]);
  });

  it('dissolves an edge one side carries with an extra vertex, leaving no sliver', () => {
    // East has a vertex at (2, 1) on the shared edge; west does not.
    const eastWithVertex = multi([ring([2, 0], [4, 0], [4, 2], [2, 2], [2, 1])]);
    const merged = expectMerge('t-junction', 'The shared edge has an extra vertex on one side', [west, eastWithVertex]);
    expect(merged.coordinates).toHaveLength(1);
    expect(merged.coordinates[0]).toHaveLength(1);
    expect(merged.coordinates[0]![0]).not.toContainEqual(at(2, 1));
  });

  it('keeps disjoint parcels as parts of one MultiPolygon', () => {
    const merged = expectMerge('disjoint', 'Two squares apart', [west, multi([rectangle(5, 0, 6, 1)])]);
    expect(merged.coordinates).toHaveLength(2);
  });

  it('keeps parcels touching at a corner as two parts', () => {
    expect(expectMerge('corner-touch', 'Two squares meeting at one corner', [west, multi([rectangle(2, 2, 3, 3)])]).coordinates).toHaveLength(2);
  });

  it('fills a hole with the parcel that was in it', () => {
    const holed = multi([rectangle(0, 0, 6, 6), rectangle(2, 2, 4, 4).reverse()]);
    const merged = expectMerge('fills-hole', 'A parcel with a hole and the parcel in the hole', [holed, multi([rectangle(2, 2, 4, 4)])]);
    expect(merged.coordinates).toEqual([[rectangle(0, 0, 6, 6)]]);
  });

  it('puts back together the pieces of a split, even across a slanted edge crossed by rounding', () => {
    const slanted = multi([ring([0, 0], [3, 0], [4, 7], [0, 7])]);
    const neighbour = multi([ring([3, 0], [9, 0], [9, 7], [4, 7])]);
    const split = splitParcel(slanted, [at(-1, 3.3), at(10, 3.3)]);
    if (split.kind !== 'split') throw new Error(split.message);
    // The crossing on the slanted edge is off it by about 1e-15 degrees: it must not leave a sliver.
    const merged = expectMerge('split-pieces-and-neighbour', 'The two pieces of a split parcel and its neighbour', [...split.pieces, neighbour]);
    expect(merged.coordinates).toHaveLength(1);
    expect(merged.coordinates[0]).toHaveLength(1);
    expect(Math.abs(planarArea(merged) - planarArea(slanted) - planarArea(neighbour))).toBeLessThan(1e-10 * planarArea(merged));
  });

  it('merges the four cells around a vertex of a generated tiling into one polygon without holes', () => {
    const tiling = generateTiling({ parcels: 100, seed: 5, defects: 0 });
    // Cells 44, 45, 54 and 55 of the 10 × 10 grid meet at one corner.
    const cells = [44, 45, 54, 55].map((index) => tiling.parcels[index]!.geometry);
    const merged = mergeParcels(cells);
    expectNormalised(merged);
    expect(merged.coordinates).toHaveLength(1);
    expect(merged.coordinates[0]).toHaveLength(1);
    const total = cells.reduce((sum, cell) => sum + geodesicArea(cell), 0);
    expect(Math.abs(geodesicArea(merged) - total)).toBeLessThan(1e-6 * total);
  });

  it('throws when given nothing to merge', () => {
    expect(() => mergeParcels([])).toThrow(RangeError);
  });
});
