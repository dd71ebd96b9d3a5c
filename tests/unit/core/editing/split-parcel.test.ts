import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { insertSharedVertices } from '../../../../core/editing/insert-shared-vertices.js';
import { splitParcel, type SplitResult } from '../../../../core/editing/split-parcel.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import type { MultiPolygon, Position } from '../../../../core/schemas/geojson.schema.js';
import { deepFreeze } from '../../../support/deep-freeze.js';
import { at, expectGolden, expectNormalised, multi, planarArea, positionKeys, rectangle, ring, sharedArea } from './editing-fixtures.js';

const line = (...points: Array<[number, number]>): Position[] => points.map(([x, y]) => at(x, y));

/** Splits, checks what every split must satisfy, writes or compares the golden output, returns the pieces. */
function expectSplit(name: string, description: string, geometry: MultiPolygon, cut: Position[]): MultiPolygon[] {
  const result = splitParcel(deepFreeze(geometry), deepFreeze(cut));
  if (result.kind !== 'split') throw new Error(`${name}: ${result.reason} ${result.message}`);
  const { pieces } = result;
  expectGolden('split', name, description, [{ role: 'parcel', geometry }, { role: 'line', geometry: { type: 'LineString', coordinates: cut } }], pieces.map((piece, index) => ({ role: `piece ${index + 1}`, geometry: piece })));
  for (const piece of pieces) expectNormalised(piece);
  // They tile the parcel: areas add up (exactly on the lon/lat plane), no two overlap.
  const total = pieces.reduce((sum, piece) => sum + geodesicArea(piece), 0);
  expect(Math.abs(total - geodesicArea(geometry))).toBeLessThan(1e-6 * geodesicArea(geometry));
  const planarTotal = pieces.reduce((sum, piece) => sum + planarArea(piece), 0);
  expect(Math.abs(planarTotal - planarArea(geometry))).toBeLessThan(1e-10 * planarArea(geometry));
  for (const [index, first] of pieces.entries()) {
    for (const second of pieces.slice(index + 1)) expect(sharedArea(first, second)).toBeLessThan(1e-6);
  }
  // Every vertex of the parcel is kept.
  const kept = new Set(pieces.flatMap((piece) => [...positionKeys(piece)]));
  for (const key of positionKeys(geometry)) expect(kept).toContain(key);
  // Largest first.
  expect(pieces.map(geodesicArea)).toEqual(pieces.map(geodesicArea).sort((first, second) => second - first));
  return pieces;
}

function refusal(result: SplitResult): string {
  return result.kind === 'invalid' ? result.reason : 'split';
}

describe('splitParcel', () => {
  const square = multi([rectangle(0, 0, 4, 4)]);

  it('splits along a line crossing once, adding only the two crossings', () => {
    const pieces = expectSplit('crossing-once', 'A line across a square: two pieces', square, line([-1, 1], [5, 1]));
    expect(pieces).toHaveLength(2);
    const created = new Set(pieces.flatMap((piece) => [...positionKeys(piece)]));
    for (const key of positionKeys(square)) created.delete(key);
    expect([...created].sort()).toEqual([`${at(0, 1).join(' ')}`, `${at(4, 1).join(' ')}`].sort());
    const result = splitParcel(square, line([-1, 1], [5, 1]));
    // Where the line crosses the parcel's edges, for the neighbours sharing them.
    expect(result.kind === 'split' && result.newVertices).toEqual([
      { between: [at(4, 0), at(4, 4)], at: at(4, 1) },
      { between: [at(0, 4), at(0, 0)], at: at(0, 1) },
    ]);
  });

  it('splits along a line crossing twice into three pieces', () => {
    expect(expectSplit('crossing-twice', 'A U-shaped line entering and leaving twice', square, line([-1, 1], [5, 1], [5, 3], [-1, 3]))).toHaveLength(3);
  });

  it('splits a concave parcel crossed twice by a straight line', () => {
    const horseshoe = multi([ring([0, 0], [6, 0], [6, 4], [4, 4], [4, 2], [2, 2], [2, 4], [0, 4])]);
    expect(expectSplit('concave-twice', 'A straight line across both arms of a U', horseshoe, line([-1, 3], [7, 3]))).toHaveLength(3);
  });

  it('splits through two corners without adding any vertex', () => {
    // Snapped to the corners, as the editor draws it, or straight through them: the same two triangles.
    const snapped = expectSplit('through-corners', 'A diagonal from corner to corner', square, line([-1, -1], [0, 0], [4, 4], [5, 5]));
    expect(snapped.map((piece) => piece.coordinates[0]![0]!.length)).toEqual([4, 4]);
    // (-1, -1) to (5, 5) passes through the corners in decimal, and misses them by ~1e-15 degrees in binary.
    const straight = splitParcel(square, line([-1, -1], [5, 5]));
    expect(straight.kind === 'split' && straight.pieces.map((piece) => piece.coordinates[0]![0]!.length)).toEqual([4, 4]);
    expect(straight.kind === 'split' && straight.newVertices).toEqual([]);
  });

  it('accepts a line starting and ending on the edge, and keeps a bend inside as a shared vertex', () => {
    const pieces = expectSplit('edge-to-edge-bent', 'A line from edge to edge with a bend inside', square, line([0, 2], [2, 3], [4, 2]));
    for (const piece of pieces) expect(positionKeys(piece)).toContain(at(2, 3).join(' '));
  });

  it('splits a parcel with a hole across the hole, leaving no hole', () => {
    const holed = multi([rectangle(0, 0, 6, 6), rectangle(2, 2, 4, 4).reverse()]);
    const pieces = expectSplit('across-hole', 'A line through the hole: each piece takes half of its edge', holed, line([-1, 3], [7, 3]));
    expect(pieces.map((piece) => piece.coordinates[0]!.length)).toEqual([1, 1]);
  });

  it('keeps a hole the line does not reach in the piece around it', () => {
    const holed = multi([rectangle(0, 0, 6, 6), rectangle(2, 2, 4, 4).reverse()]);
    const pieces = expectSplit('beside-hole', 'A line below the hole', holed, line([-1, 1], [7, 1]));
    expect(pieces.map((piece) => piece.coordinates[0]!.length)).toEqual([2, 1]);
  });

  it('returns a part the line does not cut as a piece of its own, unchanged', () => {
    const twoParts = multi([rectangle(0, 0, 4, 4)], [rectangle(6, 0, 8, 2)]);
    const pieces = expectSplit('multipart', 'A line cutting one part of two', twoParts, line([-1, 2], [5, 2]));
    expect(pieces).toHaveLength(3);
    expect(pieces).toContainEqual(multi([rectangle(6, 0, 8, 2)]));
  });

  it('splits a real parcel of the demo site', () => {
    const demo = JSON.parse(readFileSync(new URL('../../../../data/demo/parcels.geojson', import.meta.url), 'utf8')) as { features: Array<{ id: string; geometry: MultiPolygon }> };
    const parcel = demo.features.find((feature) => feature.id === 'parcel-prive-05')!;
    const pieces = expectSplit('demo-parcel', 'parcel-prive-05 of the demo site, cut north-south with a bend', parcel.geometry, [[2.48035, 48.89820], [2.48030, 48.89845], [2.48036, 48.89870]]);
    expect(pieces).toHaveLength(2);
  });

  it('gives the neighbours the crossings, so that they stay joined to the pieces', () => {
    const west = multi([ring([0, 0], [2, 0], [3, 4], [0, 4])]);
    const east = multi([ring([2, 0], [6, 0], [6, 4], [3, 4])]);
    const result = splitParcel(west, line([-1, 1.3], [7, 1.3]));
    if (result.kind !== 'split') throw new Error(result.message);
    const [joined] = insertSharedVertices([{ id: 'east', geometry: east }], result.newVertices);
    expectNormalised(joined!.geometry);
    expect(Math.abs(planarArea(joined!.geometry) - planarArea(east))).toBeLessThan(1e-10 * planarArea(east));
    // The crossing on the slanted shared edge is now a vertex of both sides.
    const crossing = result.pieces[0]!.coordinates[0]![0]!.find(([longitude, latitude]) => latitude === at(0, 1.3)[1] && longitude > at(2, 0)[0]);
    expect(positionKeys(joined!.geometry)).toContain(crossing!.join(' '));
    for (const piece of result.pieces) expect(sharedArea(piece, joined!.geometry)).toBeLessThan(1e-6);
  });

  it('refuses a line that does not cut the parcel', () => {
    expect(refusal(splitParcel(square, line([-1, -1], [-1, 5])))).toBe('line_does_not_cross');
    expect(refusal(splitParcel(square, line([-1, 1], [0, 0], [1, -1])))).toBe('line_does_not_cross');
    expect(refusal(splitParcel(square, line([-1, 1], [1, -1])))).toBe('line_does_not_cross');
    expect(refusal(splitParcel(square, line([-1, 0], [5, 0])))).toBe('line_does_not_cross');
    // Only touching a corner, or reaching into a hole and no further.
    expect(refusal(splitParcel(square, line([-1, 3], [0, 4], [1, 5])))).toBe('line_does_not_cross');
    const holed = multi([rectangle(0, 0, 6, 6), rectangle(2, 2, 4, 4).reverse()]);
    expect(refusal(splitParcel(holed, line([-1, 3], [3, 3])))).toBe('line_does_not_cross');
  });

  it('refuses a line ending inside the parcel, saying where', () => {
    const result = splitParcel(square, line([-1, 2], [2, 2]));
    expect(result).toMatchObject({ kind: 'invalid', reason: 'line_ends_inside', location: at(2, 2) });
    expect(refusal(splitParcel(square, line([2, 2], [2, 5])))).toBe('line_ends_inside');
  });

  it('refuses a line crossing itself, turning back, or without two distinct points', () => {
    expect(splitParcel(square, line([-1, 1], [5, 1], [5, 3], [2, 3], [2, -1]))).toMatchObject({ kind: 'invalid', reason: 'line_self_intersects', location: at(2, 1) });
    expect(refusal(splitParcel(square, line([-1, 1], [5, 1], [3, 1])))).toBe('line_self_intersects');
    expect(refusal(splitParcel(square, line([1, 1], [1, 1])))).toBe('line_too_short');
  });

  it('refuses a line cutting off a piece under the site\'s tolerance', () => {
    // A strip 0.01 grid step (about 11 cm) wide along a 30 m edge: about 3 m².
    const result = splitParcel(square, line([-1, 0.01], [5, 0.01]), { minArea: 5 });
    expect(result).toMatchObject({ kind: 'invalid', reason: 'piece_too_small', location: at(0, 0) });
    expect(refusal(splitParcel(square, line([-1, 0.01], [5, 0.01])))).toBe('split');
  });

  it('refuses an invalid parcel with the geometry fault', () => {
    const bowTie = multi([ring([0, 0], [4, 4], [4, 0], [0, 4])]);
    expect(refusal(splitParcel(bowTie, line([-1, 1], [5, 1])))).toBe('self_intersection');
  });
});
