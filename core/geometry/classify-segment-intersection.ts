import type { Position } from '../schemas/geojson.schema.js';
import { capitalise, coordinatePath, formatPosition, ringLabel, type SourceType } from './fault-wording.js';
import type { RingSegment } from './find-segment-intersections.js';
import { GEOMETRY_FAULTS, type GeometryFault, type GeometryFaultCode } from './geometry-faults.js';
import type { SegmentIntersection } from './intersect-segments.js';
import { samePosition } from './same-position.js';

/**
 * Says whether two meeting edges are a fault on their own: a ring meeting itself anywhere but at
 * the corner two neighbouring edges share, rings crossing, or two rings of one polygon sharing an edge.
 * Touching rings are left to the later checks.
 */
export function classifySegmentIntersection(
  first: RingSegment,
  second: RingSegment,
  intersection: SegmentIntersection,
  sourceType: SourceType,
): GeometryFault | null {
  if (first.ring === second.ring) return classifySameRing(first, second, intersection, sourceType);
  const samePolygon = first.ring.polygonIndex === second.ring.polygonIndex;
  // Touching rings are the common, valid case: return before building any sentence.
  if (intersection.kind === 'touch' || (intersection.kind === 'overlap' && !samePolygon)) return null;
  const firstLabel = ringLabel(sourceType, first.ring.polygonIndex, first.ring.ringIndex);
  const secondLabel = ringLabel(sourceType, second.ring.polygonIndex, second.ring.ringIndex);
  const where = intersection.kind === 'overlap' ? intersection.from : intersection.point;
  if (intersection.kind === 'crossing') {
    if (!samePolygon) {
      const message = `The polygons ${coordinatePath(sourceType, first.ring.polygonIndex)} and ${coordinatePath(sourceType, second.ring.polygonIndex)} overlap: their edges cross at ${formatPosition(where)}. Parts of a MultiPolygon may touch but not overlap.`;
      return fault(GEOMETRY_FAULTS.polygonsOverlap, message, second, where, sourceType);
    }
    const hole = first.ring.ringIndex === 0 ? second : first;
    if (first.ring.ringIndex === 0 || second.ring.ringIndex === 0) {
      const message = `${capitalise(ringLabel(sourceType, hole.ring.polygonIndex, hole.ring.ringIndex))} crosses the exterior ring at ${formatPosition(where)}.`;
      return fault(GEOMETRY_FAULTS.holeCrossesShell, message, hole, where, sourceType);
    }
    return fault(GEOMETRY_FAULTS.holesOverlap, `${capitalise(firstLabel)} and ${secondLabel} cross at ${formatPosition(where)}.`, second, where, sourceType);
  }
  if (intersection.kind === 'overlap') {
    const message = `${capitalise(firstLabel)} and ${secondLabel} share an edge from ${formatPosition(intersection.from)} to ${formatPosition(intersection.to)}; rings of one polygon may meet only at single points.`;
    return fault(GEOMETRY_FAULTS.selfIntersection, message, second, where, sourceType);
  }
  return null;
}

function classifySameRing(
  first: RingSegment,
  second: RingSegment,
  intersection: SegmentIntersection,
  sourceType: SourceType,
): GeometryFault | null {
  const cornerCount = first.ring.vertices.length;
  const gap = (second.index - first.index + cornerCount) % cornerCount;
  const sharedCorner = gap === 1 ? second : gap === cornerCount - 1 ? first : null;
  if (sharedCorner !== null && intersection.kind === 'touch') return null;
  const label = capitalise(ringLabel(sourceType, first.ring.polygonIndex, first.ring.ringIndex));
  if (sharedCorner !== null && intersection.kind === 'overlap') {
    const tip = sharedCorner.start;
    return fault(GEOMETRY_FAULTS.selfIntersection, `${label} turns back on itself at ${formatPosition(tip)}, drawing a spike of zero width.`, sharedCorner, tip, sourceType);
  }
  if (intersection.kind === 'overlap') {
    const message = `${label} runs back over itself from ${formatPosition(intersection.from)} to ${formatPosition(intersection.to)}.`;
    return fault(GEOMETRY_FAULTS.selfIntersection, message, second, intersection.from, sourceType);
  }
  const verb = intersection.kind === 'crossing' ? 'crosses' : 'touches';
  return fault(GEOMETRY_FAULTS.selfIntersection, `${label} ${verb} itself at ${formatPosition(intersection.point)}.`, second, intersection.point, sourceType);
}

function fault(reason: GeometryFaultCode, message: string, segment: RingSegment, location: Position, sourceType: SourceType): GeometryFault {
  const { ring } = segment;
  // Point at the corner the fault sits on when there is one, else at the edge's first corner.
  const atEnd = samePosition(location, segment.end);
  const corner = atEnd ? (segment.index + 1) % ring.vertices.length : segment.index;
  const path = coordinatePath(sourceType, ring.polygonIndex, ring.ringIndex, ring.sourceIndexes[corner] as number);
  return { valid: false, reason, message, path, location: [location[0], location[1]] };
}
