import type { Position } from '../schemas/geojson.schema.js';
import { samePosition } from './same-position.js';

/** The position of a point along a segment, 0 at its start and 1 at its end, exact at both ends. */
export function parameterAlong(start: Position, end: Position, point: Position): number {
  if (samePosition(point, start)) return 0;
  if (samePosition(point, end)) return 1;
  const axis = dominantAxis(start, end);
  return (point[axis] - start[axis]) / (end[axis] - start[axis]);
}

/** The axis along which a segment is longest, so that dividing by its extent stays precise. */
export function dominantAxis(start: Position, end: Position): 0 | 1 {
  return Math.abs(end[0] - start[0]) >= Math.abs(end[1] - start[1]) ? 0 : 1;
}
