import { intersection } from '../geometry/polygon-clipping.js';
import { boundsMeet } from '../geometry/bounds-meet.js';
import { geometryBounds } from '../analysis/geometry-bounds.js';
import type { MultiPolygon } from '../schemas/geojson.schema.js';

/**
 * Which of `others` share some area with `geometry` (touching is not sharing): their boxes are
 * compared first, then the few that meet are intersected (Turf intersect).
 *
 * @example
 * // The neighbours a parcel already overlapped before it was reshaped.
 * const overlapped = others.filter((_, index) => overlapping(parcel.geometry, others)[index]);
 */
export function overlapping(geometry: MultiPolygon, others: readonly MultiPolygon[]): boolean[] {
  const bounds = geometryBounds(geometry.coordinates);
  return others.map((other) => boundsMeet(bounds, geometryBounds(other.coordinates)) && intersection(geometry.coordinates, other.coordinates).length > 0);
}
