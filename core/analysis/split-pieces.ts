import type { Bounds } from '../geometry/for-each-overlapping-pair.js';
import { geodesicArea } from '../geometry/geodesic-area.js';
import type { Position } from '../schemas/geojson.schema.js';
import { geometryBounds } from './geometry-bounds.js';

/** One polygon of a multipolygon, as PostGIS `ST_Dump` gives it, with its geodesic area and box. */
export interface Piece {
  rings: Position[][];
  area: number;
  bounds: Bounds;
}

/** Splits a multipolygon's coordinates into its polygons with their areas. @example splitPieces(difference(outdoor, ...parcels)) */
export function splitPieces(polygons: Position[][][]): Piece[] {
  return polygons.map((rings) => ({
    rings,
    area: geodesicArea({ type: 'Polygon', coordinates: rings }),
    bounds: geometryBounds([rings]),
  }));
}
