import { difference } from './polygon-clipping.js';
import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';
import { orientRings } from './orient-rings.js';
import { buildPlanarRings } from './planar-ring.js';

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
  const polygons = difference(geometry.coordinates, removed.coordinates)
    .map((rings) => rings.map(closeRing))
    // Turf (polyclip-ts) never returns degenerate rings; this guards the orientation step all the same.
    .filter((rings) => rings.every((ring) => ring.length >= 4));
  if (polygons.length === 0) return null;
  return { type: 'MultiPolygon', coordinates: orientRings(polygons, buildPlanarRings(polygons)) };
}

function closeRing(ring: Position[]): Position[] {
  const copy = ring.map(([longitude, latitude]): Position => [longitude!, latitude!]);
  const first = copy[0];
  const last = copy[copy.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) copy.push([first[0]!, first[1]!]);
  return copy;
}
