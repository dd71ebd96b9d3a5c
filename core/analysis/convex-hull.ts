import { orient2d } from 'robust-predicates';
import type { Position } from '../schemas/geojson.schema.js';

/** The convex hull of a ring, counter-clockwise, without the closing position (Andrew's monotone chain, exact turns). @example convexHull(parcel.geometry.coordinates[0][0]) */
export function convexHull(ring: readonly Position[]): Position[] {
  const points = [...ring].sort((first, second) => first[0] - second[0] || first[1] - second[1]);
  if (points.length < 3) return points;
  const lower: Position[] = [];
  const upper: Position[] = [];
  for (const point of points) pushTurningLeft(lower, point);
  for (const point of points.reverse()) pushTurningLeft(upper, point);
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

function pushTurningLeft(chain: Position[], point: Position): void {
  // robust-predicates counts clockwise as positive (y axis down): pop while the turn is not strictly left.
  while (chain.length >= 2) {
    const [ax, ay] = chain[chain.length - 2] as Position;
    const [bx, by] = chain[chain.length - 1] as Position;
    if (orient2d(ax, ay, bx, by, point[0], point[1]) < 0) break;
    chain.pop();
  }
  chain.push(point);
}
