import type { Position } from '../schemas/geojson.schema.js';

/** Whether two positions are exactly equal (longitude and latitude). */
export function samePosition(first: Position, second: Position): boolean {
  return first[0] === second[0] && first[1] === second[1];
}

/** A Map key for a position: String(number) round-trips every double exactly. */
export function positionKey(position: Position): string {
  return `${position[0]} ${position[1]}`;
}

/** The ring without its closing position (when it repeats the first). */
export function openRing(ring: readonly Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first !== undefined && last !== undefined && samePosition(first, last) ? ring.slice(0, -1) : ring.slice();
}

/** A copy of the ring closed with a copy of its first position when it is not already. */
export function closeRing(ring: readonly Position[]): Position[] {
  const copy = ring.map(([longitude, latitude]): Position => [longitude, latitude]);
  const first = copy[0];
  const last = copy[copy.length - 1];
  if (first !== undefined && last !== undefined && !samePosition(first, last)) copy.push([first[0], first[1]]);
  return copy;
}
