import { difference } from './polygon-clipping.js';
import type { MultiPolygon } from '../schemas/geojson.schema.js';
import { closeRing } from './close-ring.js';
import { orientedMultiPolygon } from './oriented-polygons.js';

/**
 * The part of `geometry` outside `removed` (Turf difference), normalised like
 * validateAreaGeometry's output: closed rings, exterior rings counter-clockwise, holes clockwise.
 * Null when nothing is left. Pieces under a site's tolerance are kept: the caller decides.
 *
 * @example
 * // Trim a parcel by the overlap it loses to its neighbour.
 * const trimmed = subtractArea(parcel.geometry, overlap.geometry);
 */
export function subtractArea(geometry: MultiPolygon, removed: MultiPolygon): MultiPolygon | null {
  // Turf (polyclip-ts) never returns degenerate rings; orientedMultiPolygon guards the orientation step all the same.
  return orientedMultiPolygon(difference(geometry.coordinates, removed.coordinates).map((rings) => rings.map(closeRing)));
}
