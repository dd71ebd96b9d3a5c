import { placeInPolygon } from '../geometry/place-in-polygon.js';
import type { Position } from '../schemas/geojson.schema.js';

/** Whether a point lies in polygons' coordinates, boundary included (as PostGIS ST_Intersects). @example pointInArea([2.48, 48.9], parcel.geometry.coordinates) */
export function pointInArea(point: Position, polygons: readonly (readonly (readonly Position[])[])[]): boolean {
  // A polygon without rings holds nothing (placeInPolygon would call it 'inside').
  return polygons.some((rings) => rings.length > 0 && placeInPolygon(point, rings) !== 'outside');
}
