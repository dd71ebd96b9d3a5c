import { expect } from 'vitest';
import { intersection } from '../../../../core/geometry/polygon-clipping.js';
import { geodesicArea } from '../../../../core/geometry/geodesic-area.js';
import { signedPlanarArea } from '../../../../core/geometry/signed-planar-area.js';
import { validateAreaGeometry } from '../../../../core/geometry/validate-area-geometry.js';
import type { MultiPolygon, Position } from '../../../../core/schemas/geojson.schema.js';
import { expectGoldenFile } from '../../../support/golden-file.js';

/** A position on a grid of 1/10,000 degree (about 7 m east, 11 m north) near Bondy, with 7 decimals. */
export const at = (x: number, y: number): Position => [Number((2.48 + x / 10_000).toFixed(7)), Number((48.9 + y / 10_000).toFixed(7))];

/** A closed counter-clockwise ring through grid positions. */
export const ring = (...corners: Array<[number, number]>): Position[] => [...corners, corners[0]!].map(([x, y]) => at(x, y));

/** A counter-clockwise rectangle ring on the grid. */
export const rectangle = (west: number, south: number, east: number, north: number): Position[] =>
  ring([west, south], [east, south], [east, north], [west, north]);

/** A MultiPolygon of polygons given as rings (exterior first). */
export const multi = (...polygons: Position[][][]): MultiPolygon => ({ type: 'MultiPolygon', coordinates: polygons });

/** Area in m² of the part two geometries share (Turf intersect). */
export function sharedArea(first: MultiPolygon, second: MultiPolygon): number {
  const shared = intersection(first.coordinates, second.coordinates);
  return shared.length === 0 ? 0 : geodesicArea({ type: 'MultiPolygon', coordinates: shared });
}

/**
 * Area in squared degrees, on the lon/lat plane where the operations work: a tiling there is exact.
 * Geodesic areas are not exactly additive over lon/lat edges (a vertex added on a straight lon/lat
 * edge moves the geodesic edge by up to a fraction of a millimetre), so tests compare them to 1e-6.
 */
export function planarArea(geometry: MultiPolygon): number {
  let total = 0;
  for (const rings of geometry.coordinates) {
    for (const [ringIndex, ringPositions] of rings.entries()) {
      total += (ringIndex === 0 ? 1 : -1) * Math.abs(signedPlanarArea(ringPositions));
    }
  }
  return total;
}

/** Asserts the geometry is accepted by validateAreaGeometry and already in its normal form (closed, oriented). */
export function expectNormalised(geometry: MultiPolygon | null | undefined): void {
  expect(geometry).toBeTruthy();
  expect(validateAreaGeometry(geometry)).toEqual({ valid: true, geometry, warnings: [] });
}

/** Every position of a geometry as a "longitude latitude" key. */
export function positionKeys(geometry: MultiPolygon): Set<string> {
  return new Set(geometry.coordinates.flat(2).map(([longitude, latitude]) => `${longitude} ${latitude}`));
}

/** Distinct corners of each ring, without the closing position. */
export const cornerCount = (ringPositions: Position[]) => ringPositions.length - 1;

// Turf-style golden outputs: each case's inputs and result are written to golden/<operation>/<name>.geojson
// as a coloured FeatureCollection (open it in any GeoJSON viewer) and compared next time. REGEN=1 rewrites them.
const goldenDirectory = new URL('golden/', import.meta.url);
const palette = ['#33a02c', '#ff7f00', '#6a3d9a', '#b15928', '#1f78b4', '#e31a1c', '#a6cee3', '#fb9a99'];

interface GoldenFeature {
  role: string;
  geometry: MultiPolygon | { type: 'LineString'; coordinates: Position[] };
}

/** Compares a case's output with its golden file (REGEN=1 writes it). */
export function expectGolden(operation: string, name: string, description: string, inputs: GoldenFeature[], outputs: GoldenFeature[]): void {
  const file = new URL(`${operation}/${name}.geojson`, goldenDirectory);
  const feature = ({ role, geometry }: GoldenFeature, properties: Record<string, unknown>) => ({ type: 'Feature', properties: { role, ...properties }, geometry });
  const actual = {
    type: 'FeatureCollection',
    properties: { description },
    features: [
      ...inputs.map((input) => feature(input, { stroke: '#1f78b4', 'stroke-width': 2, 'fill-opacity': 0.05 })),
      ...outputs.map((output, index) => feature(output, { stroke: palette[index % palette.length], fill: palette[index % palette.length], 'fill-opacity': 0.4 })),
    ],
  };
  expectGoldenFile(file, actual, { indent: 1 });
}
