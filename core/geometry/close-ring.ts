import { samePosition } from './same-position.js';
import type { Position } from '../schemas/geojson.schema.js';

/** A copy of the ring closed with a copy of its first position when it is not already. */
export function closeRing(ring: readonly Position[]): Position[] {
  const copy = ring.map(([longitude, latitude]): Position => [longitude, latitude]);
  const first = copy[0];
  const last = copy[copy.length - 1];
  if (first !== undefined && last !== undefined && !samePosition(first, last)) copy.push([first[0], first[1]]);
  return copy;
}
