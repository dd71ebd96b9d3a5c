import { orient2d } from 'robust-predicates';
import type { Position } from '../schemas/geojson.schema.js';

/** 1 when c lies left of the line a→b, -1 when right, 0 when exactly on it (exact arithmetic). */
export function orientation(a: Position, b: Position, c: Position): number {
  // robust-predicates counts clockwise as positive; this module speaks counter-clockwise like GeoJSON.
  return -Math.sign(orient2d(a[0], a[1], b[0], b[1], c[0], c[1]));
}
