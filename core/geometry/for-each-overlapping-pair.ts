import Flatbush from 'flatbush';

/** Axis-aligned bounds of anything: a segment, a ring. */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Calls `visit(first, second)` once for every pair of items whose bounds meet, with first < second,
 * until it returns true. A packed R-tree keeps this near linear when few bounds meet.
 */
export function forEachOverlappingPair(bounds: Bounds[], visit: (first: number, second: number) => boolean): void {
  if (bounds.length < 2) return;
  const index = new Flatbush(bounds.length);
  for (const { minX, minY, maxX, maxY } of bounds) index.add(minX, minY, maxX, maxY);
  index.finish();
  for (const [first, { minX, minY, maxX, maxY }] of bounds.entries()) {
    const candidates = index.search(minX, minY, maxX, maxY, (second) => second > first).sort((a, b) => a - b);
    for (const second of candidates) {
      if (visit(first, second)) return;
    }
  }
}
