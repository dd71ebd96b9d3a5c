import type { Position } from '../schemas/geojson.schema.js';
import { dominantAxis } from './parameter-along.js';
import { orientation } from './orientation.js';

/** How two segments meet: crossing inside both, touching at an exact corner, or sharing a stretch. */
export type SegmentIntersection =
  | { kind: 'crossing'; point: Position }
  | { kind: 'touch'; point: Position }
  | { kind: 'overlap'; from: Position; to: Position };

/** Intersects segments a and b with exact orientation tests, so touching is never mistaken for crossing. */
export function intersectSegments(aStart: Position, aEnd: Position, bStart: Position, bEnd: Position): SegmentIntersection | null {
  const bStartSide = orientation(aStart, aEnd, bStart);
  const bEndSide = orientation(aStart, aEnd, bEnd);
  if (bStartSide * bEndSide > 0) return null;
  const aStartSide = orientation(bStart, bEnd, aStart);
  const aEndSide = orientation(bStart, bEnd, aEnd);
  if (aStartSide * aEndSide > 0) return null;
  if (bStartSide === 0 && bEndSide === 0) return intersectCollinear(aStart, aEnd, bStart, bEnd);
  // Non-collinear segments meeting at a corner meet exactly at that corner.
  if (bStartSide === 0) return { kind: 'touch', point: bStart };
  if (bEndSide === 0) return { kind: 'touch', point: bEnd };
  if (aStartSide === 0) return { kind: 'touch', point: aStart };
  if (aEndSide === 0) return { kind: 'touch', point: aEnd };
  return { kind: 'crossing', point: crossingPoint(aStart, aEnd, bStart, bEnd) };
}

function intersectCollinear(aStart: Position, aEnd: Position, bStart: Position, bEnd: Position): SegmentIntersection | null {
  const axis = dominantAxis(aStart, aEnd);
  const [aLow, aHigh] = aStart[axis] <= aEnd[axis] ? [aStart, aEnd] : [aEnd, aStart];
  const [bLow, bHigh] = bStart[axis] <= bEnd[axis] ? [bStart, bEnd] : [bEnd, bStart];
  const low = aLow[axis] >= bLow[axis] ? aLow : bLow;
  const high = aHigh[axis] <= bHigh[axis] ? aHigh : bHigh;
  if (low[axis] > high[axis]) return null;
  if (low[axis] === high[axis]) return { kind: 'touch', point: low };
  return { kind: 'overlap', from: low, to: high };
}

function crossingPoint(aStart: Position, aEnd: Position, bStart: Position, bEnd: Position): Position {
  const aDeltaX = aEnd[0] - aStart[0];
  const aDeltaY = aEnd[1] - aStart[1];
  const bDeltaX = bEnd[0] - bStart[0];
  const bDeltaY = bEnd[1] - bStart[1];
  const t = ((bStart[0] - aStart[0]) * bDeltaY - (bStart[1] - aStart[1]) * bDeltaX) / (aDeltaX * bDeltaY - aDeltaY * bDeltaX);
  return [aStart[0] + t * aDeltaX, aStart[1] + t * aDeltaY];
}
