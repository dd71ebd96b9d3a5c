import type { Position } from '../schemas/geojson.schema.js';
import type { PlanarRing } from './planar-ring.js';
import { rayCrossing } from './ray-crossing.js';

/**
 * Whether a point lies inside a prepared ring; only meaningful for points known not to lie on the ring.
 * placeInRing's winding test without its boundary case, on the validator's open, de-duplicated vertices and
 * behind the ring's box: the validator already knows the point is off the ring and calls this per run.
 */
export function pointInPlanarRing(point: Position, ring: PlanarRing): boolean {
  const { bounds, vertices } = ring;
  if (point[0] < bounds.minX || point[0] > bounds.maxX || point[1] < bounds.minY || point[1] > bounds.maxY) return false;
  // Winding number (Sunday's algorithm), with exact side tests; the point is off the ring, so never on an edge.
  let winding = 0;
  for (let index = 0; index < vertices.length; index += 1) {
    const start = vertices[index] as Position;
    const end = vertices[(index + 1) % vertices.length] as Position;
    const crossing = rayCrossing(start[0], start[1], end[0], end[1], point[0], point[1]);
    if (crossing !== 'boundary') winding += crossing;
  }
  return winding !== 0;
}
