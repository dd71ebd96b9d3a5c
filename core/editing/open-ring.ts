import { samePosition } from '../geometry/same-position.js';
import type { Position } from '../schemas/geojson.schema.js';

/** The ring without its closing position (when it repeats the first). */
export function openRing(ring: readonly Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first !== undefined && last !== undefined && samePosition(first, last) ? ring.slice(0, -1) : ring.slice();
}
