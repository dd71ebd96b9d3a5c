import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from '../schemas/geojson.schema.js';

/**
 * Whether a point lies in polygons' coordinates, boundary included (as PostGIS ST_Intersects), by Turf's
 * booleanPointInPolygon: for a clicked point or a box corner off every edge, where a point exactly on an
 * edge is not at stake. Editing decides boundaries with placeInPolygon, exact everywhere.
 * @example pointInArea([2.48, 48.9], parcel.geometry.coordinates)
 */
export function pointInArea(point: Position, polygons: readonly (readonly (readonly Position[])[])[]): boolean {
  return booleanPointInPolygon(point, { type: 'MultiPolygon', coordinates: polygons as Position[][][] });
}
