import { orient2d } from 'robust-predicates';
import type { Position } from '../schemas/geojson.schema.js';
import { convexHull } from './convex-hull.js';

const hulls = new WeakMap<readonly Position[], Position[]>();

/**
 * False only when no part of one area can share interior with a part of the other: their convex hulls are
 * separated by the line of a hull edge (exact arithmetic). Neighbours sharing an edge are rejected without clipping.
 * @example if (interiorsMayMeet(a.geometry.coordinates, b.geometry.coordinates)) intersection(…)
 */
export function interiorsMayMeet(first: readonly Position[][][], second: readonly Position[][][]): boolean {
  for (const firstPart of first) {
    for (const secondPart of second) {
      const firstHull = hullOf(firstPart[0] ?? []);
      const secondHull = hullOf(secondPart[0] ?? []);
      if (!separatedByEdge(firstHull, secondHull) && !separatedByEdge(secondHull, firstHull)) return true;
    }
  }
  return false;
}

function hullOf(ring: readonly Position[]): Position[] {
  let hull = hulls.get(ring);
  if (hull === undefined) {
    hull = convexHull(ring);
    hulls.set(ring, hull);
  }
  return hull;
}

/** Whether some edge of `hull` (counter-clockwise) leaves every point of `other` on its right or on its line. */
function separatedByEdge(hull: readonly Position[], other: readonly Position[]): boolean {
  if (hull.length < 3) return true;
  for (let index = 0; index < hull.length; index += 1) {
    const [ax, ay] = hull[index] as Position;
    const [bx, by] = hull[(index + 1) % hull.length] as Position;
    // robust-predicates: a positive value means the point is right of a → b (y axis down convention).
    if (other.every(([x, y]) => orient2d(ax, ay, bx, by, x, y) >= 0)) return true;
  }
  return false;
}
