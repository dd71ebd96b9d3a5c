import type { Position } from '../schemas/geojson.schema.js';
import { forEachOverlappingPair } from './for-each-overlapping-pair.js';
import { intersectSegments, type SegmentIntersection } from './intersect-segments.js';
import type { PlanarRing } from './planar-ring.js';

/** One edge of a ring: from corner `index` to the next corner. */
export interface RingSegment {
  ring: PlanarRing;
  index: number;
  start: Position;
  end: Position;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Calls `visit` for every pair of edges that meet, until it returns true. */
export function findSegmentIntersections(
  rings: PlanarRing[],
  visit: (first: RingSegment, second: RingSegment, intersection: SegmentIntersection) => boolean,
): void {
  const segments = rings.flatMap(ringSegments);
  forEachOverlappingPair(segments, (firstIndex, secondIndex) => {
    const first = segments[firstIndex] as RingSegment;
    const second = segments[secondIndex] as RingSegment;
    const intersection = intersectSegments(first.start, first.end, second.start, second.end);
    return intersection !== null && visit(first, second, intersection);
  });
}

function ringSegments(ring: PlanarRing): RingSegment[] {
  return ring.vertices.map((start, index) => {
    const end = ring.vertices[(index + 1) % ring.vertices.length] as Position;
    return {
      ring,
      index,
      start,
      end,
      minX: Math.min(start[0], end[0]),
      maxX: Math.max(start[0], end[0]),
      minY: Math.min(start[1], end[1]),
      maxY: Math.max(start[1], end[1]),
    };
  });
}
