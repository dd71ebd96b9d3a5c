import type { Position } from '../schemas/geojson.schema.js';
import { orientation } from './orientation.js';
import type { PlanarRing } from './planar-ring.js';

/**
 * Whether a point lies inside a prepared ring; only meaningful for points known not to lie on the ring.
 * placeInRing's winding test without its boundary case, on the validator's open, de-duplicated vertices and
 * behind the ring's box: the validator already knows the point is off the ring and calls this per run.
 */
export function pointInPlanarRing(point: Position, ring: PlanarRing): boolean {
  const { bounds, vertices } = ring;
  if (point[0] < bounds.minX || point[0] > bounds.maxX || point[1] < bounds.minY || point[1] > bounds.maxY) return false;
  // Winding number (Sunday's algorithm), with exact side tests.
  let winding = 0;
  for (let index = 0; index < vertices.length; index += 1) {
    const start = vertices[index] as Position;
    const end = vertices[(index + 1) % vertices.length] as Position;
    if (start[1] <= point[1]) {
      if (end[1] > point[1] && orientation(start, end, point) > 0) winding += 1;
    } else if (end[1] <= point[1] && orientation(start, end, point) < 0) {
      winding -= 1;
    }
  }
  return winding !== 0;
}
