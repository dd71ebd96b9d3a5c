import type { Position } from '../schemas/geojson.schema.js';

/** A Map key for a position: String(number) round-trips every double exactly. */
export function positionKey(position: Position): string {
  return `${position[0]} ${position[1]}`;
}
