import type { Position } from '../schemas/geojson.schema.js';
import { samePosition } from '../geometry/same-position.js';

/**
 * How far (degrees, about 0.1 µm) a vertex may sit from an edge and still count as on it. polyclip-ts
 * decides collinearity exactly on the coordinates' decimal values, and computed crossings are off
 * their edges by rounding: either way about 1e-15 degrees, far below the data's 1e-7 to 1e-9.
 */
export const ON_EDGE_DEGREES = 1e-12;

/** Where `vertex` lies strictly inside the edge, as a fraction of its length; null when it is not on it. */
export function alongEdge(start: Position, end: Position, vertex: Position): number | null {
  if (samePosition(vertex, start) || samePosition(vertex, end)) return null;
  const deltaX = end[0] - start[0];
  const deltaY = end[1] - start[1];
  const lengthSquared = deltaX * deltaX + deltaY * deltaY;
  const offsetX = vertex[0] - start[0];
  const offsetY = vertex[1] - start[1];
  const along = (offsetX * deltaX + offsetY * deltaY) / lengthSquared;
  if (!(along > 0 && along < 1)) return null;
  const cross = deltaX * offsetY - deltaY * offsetX;
  return Math.abs(cross) <= ON_EDGE_DEGREES * Math.sqrt(lengthSquared) ? along : null;
}
