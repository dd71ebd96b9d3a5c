import type { Bounds } from './for-each-overlapping-pair.js';

/** Whether two boxes meet, touching included. @example boundsMeet(geometryBounds(a), geometryBounds(b)) */
export function boundsMeet(first: Bounds, second: Bounds): boolean {
  return first.minX <= second.maxX && second.minX <= first.maxX && first.minY <= second.maxY && second.minY <= first.maxY;
}
