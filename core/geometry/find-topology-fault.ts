import { classifySegmentIntersection } from './classify-segment-intersection.js';
import { formatPosition, type SourceType } from './fault-wording.js';
import { findDisconnectedInterior } from './find-disconnected-interior.js';
import { findHoleFault } from './find-hole-fault.js';
import { findOverlappingPolygons } from './find-overlapping-polygons.js';
import { findSegmentIntersections } from './find-segment-intersections.js';
import { findSpike } from './find-spike.js';
import { GEOMETRY_FAULTS, type GeometryFault } from './geometry-faults.js';
import type { PlanarRing } from './planar-ring.js';
import { recordRingContact, type RingContacts } from './ring-contacts.js';

/** What the topology checks found: the first fault, or none (with warnings, kept for future checks). */
export type TopologyOutcome = { fault: GeometryFault; warnings?: never } | { fault: null; warnings: string[] };

/** Finds the first topological fault: self-intersections, misplaced holes, overlapping parts. */
export function findTopologyFault(polygons: PlanarRing[][], sourceType: SourceType): TopologyOutcome {
  const spike = findSpike(polygons.flat(), sourceType);
  if (spike !== null) return { fault: spike };
  const contacts: RingContacts = new Map();
  let fault: GeometryFault | null = null;
  findSegmentIntersections(polygons.flat(), (first, second, intersection) => {
    fault = classifySegmentIntersection(first, second, intersection, sourceType);
    if (fault === null && first.ring !== second.ring) {
      if (intersection.kind === 'touch') recordRingContact(contacts, first, second, intersection.point, intersection.point);
      if (intersection.kind === 'overlap') recordRingContact(contacts, first, second, intersection.from, intersection.to);
    }
    return fault !== null;
  });
  if (fault !== null) return { fault };
  // Misplaced holes first: a hole leaving its shell through two corners also cuts the interior.
  for (const polygon of polygons) {
    const polygonFault = findHoleFault(polygon, contacts, sourceType) ?? findDisconnectedInterior(polygon, contacts, sourceType);
    if (polygonFault !== null) return { fault: polygonFault };
  }
  const overlap = findOverlappingPolygons(polygons, contacts, sourceType);
  if (overlap !== null) return { fault: overlap };
  const sharedEdge = findSharedEdge(contacts, sourceType);
  if (sharedEdge !== null) return { fault: sharedEdge };
  return { fault: null, warnings: [] };
}

// OGC and PostGIS `ST_IsValid` refuse a MultiPolygon whose parts share an edge, and the analysis
// (GEOS) may fail on one: refuse it, with the place, and let the user merge the parts.
function findSharedEdge(contacts: RingContacts, sourceType: SourceType): GeometryFault | null {
  for (const [ring, byEdge] of contacts) {
    for (const edgeContacts of byEdge.values()) {
      const shared = edgeContacts.find((contact) => contact.from < contact.to && contact.otherRing.polygonIndex !== ring.polygonIndex);
      if (shared !== undefined) {
        return {
          valid: false,
          reason: GEOMETRY_FAULTS.polygonsShareEdge,
          message: `Two parts of this ${sourceType === 'MultiPolygon' ? 'MultiPolygon' : 'geometry'} share an edge near ${formatPosition(shared.point)}: merge them into one polygon.`,
          path: 'coordinates',
          location: shared.point,
        };
      }
    }
  }
  return null;
}
