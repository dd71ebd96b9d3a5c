import { describe, expect, it } from 'vitest';
import { geometryBounds } from '../../../../core/analysis/geometry-bounds.js';
import { insertSharedVertices } from '../../../../core/editing/insert-shared-vertices.js';
import { mergeParcels } from '../../../../core/editing/merge-parcels.js';
import { splitParcel } from '../../../../core/editing/split-parcel.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import type { MultiPolygon, Position } from '../../../../core/schemas/geojson.schema.js';
import { generateTiling } from '../../../support/generate-tiling.js';
import { seededRandom } from '../../../support/seeded-random.js';
import { expectNormalised, planarArea, positionKeys, sharedArea } from './editing-fixtures.js';

/** The tilings' extent (tests/support/generate-tiling.ts): about 1 km² in Bondy. */
const west = 2.4735;
const south = 48.8955;
const width = 0.01365;
const height = 0.009;

/** A polyline from outside the tiling to outside it, through one to three random points inside. */
function randomLine(random: () => number): Position[] {
  const outside = (): Position => {
    const angle = random() * 2 * Math.PI;
    return [west + width / 2 + Math.cos(angle) * width, south + height / 2 + Math.sin(angle) * height];
  };
  const inside = (): Position => [west + random() * width, south + random() * height];
  const bends = 1 + Math.floor(random() * 3);
  return [outside(), ...Array.from({ length: bends }, inside), outside()];
}

// Geodesic areas are not exactly additive over lon/lat edges: a crossing put on a straight lon/lat
// edge bends the geodesic edge by a fraction of a millimetre, about 1e-6 of the area of a parcel 50 m
// wide (measured: up to 1.03e-6 on 1,000-parcel tilings, 0.93e-6 on 2,000, 0.58e-6 on 4,000). So:
// pieces against the parcel within 1e-6 on 4,000-parcel tilings (cells about 20 m × 15 m); pieces
// against the parcel with the crossings added (the same shape on the plane) within 1e-9; and on the
// lon/lat plane, where the split works, to rounding (1e-10).
function nearLine(geometry: MultiPolygon, line: Position[]): boolean {
  const bounds = geometryBounds(geometry.coordinates);
  return line.slice(1).some((end, index) => {
    const start = line[index]!;
    return Math.min(start[0], end[0]) <= bounds.maxX && bounds.minX <= Math.max(start[0], end[0]) && Math.min(start[1], end[1]) <= bounds.maxY && bounds.minY <= Math.max(start[1], end[1]);
  });
}

describe('splitParcel on random lines over random tilings', () => {
  it.each([1, 2, 3])('tiles every parcel it splits exactly (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const tiling = generateTiling({ parcels: 4_000, seed, defects: 0.1 });
    let splits = 0;
    for (let lineIndex = 0; lineIndex < 4; lineIndex += 1) {
      const line = randomLine(random);
      // Only the parcels whose box meets one of the line's segments' boxes can be cut: try those.
      for (const parcel of tiling.parcels.filter((candidate) => nearLine(candidate.geometry, line))) {
        const result = splitParcel(parcel.geometry, line);
        if (result.kind === 'invalid') {
          // The ends lie outside the tiling, so the only refusals are a line crossing itself, or missing the parcel.
          expect(['line_does_not_cross', 'line_self_intersects']).toContain(result.reason);
          continue;
        }
        splits += 1;
        const { pieces } = result;
        const area = geodesicArea(parcel.geometry);
        const context = `seed ${seed}, line ${lineIndex}, parcel ${parcel.properties.label}`;
        const piecesArea = pieces.reduce((sum, piece) => sum + geodesicArea(piece), 0);
        expect(Math.abs(piecesArea - area), context).toBeLessThan(1e-6 * area);
        const [noded] = insertSharedVertices([{ id: 'parcel', geometry: parcel.geometry }], result.newVertices);
        expect(Math.abs(piecesArea - geodesicArea(noded?.geometry ?? parcel.geometry)), context).toBeLessThan(1e-9 * area);
        const planar = planarArea(parcel.geometry);
        expect(Math.abs(pieces.reduce((sum, piece) => sum + planarArea(piece), 0) - planar), context).toBeLessThan(1e-10 * planar);
        for (const piece of pieces) expectNormalised(piece);
        for (const [index, first] of pieces.entries()) {
          for (const second of pieces.slice(index + 1)) expect(sharedArea(first, second), context).toBeLessThan(1e-6);
        }
        // Merging the pieces gives the parcel back, with every one of its vertices.
        const merged = mergeParcels(pieces);
        expect(merged.coordinates, context).toHaveLength(1);
        expect(Math.abs(planarArea(merged) - planar), context).toBeLessThan(1e-10 * planar);
        const mergedKeys = positionKeys(merged);
        for (const key of positionKeys(parcel.geometry)) expect(mergedKeys.has(key), context).toBe(true);
      }
    }
    expect(splits).toBeGreaterThan(20);
  }, 30_000); // a 4,000-parcel tiling: seconds on a loaded 2-core machine
});
