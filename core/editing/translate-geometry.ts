import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';
import { roundCoordinate } from './drawing-precision.js';


/**
 * Moves a whole parcel by the drag from `from` to `to` (the same longitude and latitude offset for
 * every vertex, rounded to 9 decimals like the drawing module). Equal positions stay equal, so rings
 * stay closed. The parcel leaves the neighbours it shared vertices with: that is what a drag means.
 *
 * @example
 * const moved = translateGeometry(parcel.geometry, pointerDown, pointerUp);
 */
export function translateGeometry(geometry: MultiPolygon, from: Position, to: Position): MultiPolygon {
  const deltaLongitude = to[0] - from[0];
  const deltaLatitude = to[1] - from[1];
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((rings) =>
      rings.map((ring) => ring.map(([longitude, latitude]): Position => [roundCoordinate(longitude + deltaLongitude), roundCoordinate(latitude + deltaLatitude)])),
    ),
  };
}
