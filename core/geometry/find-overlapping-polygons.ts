import type { Position } from '../schemas/geojson.schema.js';
import { classifyRingRuns } from './classify-ring-runs.js';
import { coordinatePath, formatPosition, type SourceType } from './fault-wording.js';
import { forEachOverlappingPair } from './for-each-overlapping-pair.js';
import { GEOMETRY_FAULTS, type GeometryFault } from './geometry-faults.js';
import { boundsMeet } from './bounds-meet.js';
import type { PlanarRing } from './planar-ring.js';
import { pointInPlanarRing } from './point-in-planar-ring.js';
import type { RingContacts } from './ring-contacts.js';

/**
 * Finds two parts of a MultiPolygon whose interiors overlap. Their edges do not cross (checked
 * before), so they overlap only if a ring of one runs inside the other, or both run along a shared
 * edge with their interiors on the same side of it.
 */
export function findOverlappingPolygons(polygons: PlanarRing[][], contacts: RingContacts, sourceType: SourceType): GeometryFault | null {
  let fault: GeometryFault | null = null;
  forEachOverlappingPair(polygons.map((polygon) => (polygon[0] as PlanarRing).bounds), (first, second) => {
    const polygon = polygons[first] as PlanarRing[];
    const other = polygons[second] as PlanarRing[];
    fault = findOverlap(polygon, other, contacts, sourceType) ?? findOverlap(other, polygon, contacts, sourceType);
    return fault !== null;
  });
  return fault;
}

function findOverlap(moving: PlanarRing[], region: PlanarRing[], contacts: RingContacts, sourceType: SourceType): GeometryFault | null {
  const [regionShell, ...regionHoles] = region;
  if (regionShell === undefined) return null;
  const regionRings = new Set(region);
  const regionContains = (point: Position) => pointInPlanarRing(point, regionShell) && !regionHoles.some((hole) => pointInPlanarRing(point, hole));
  for (const ring of moving) {
    if (!boundsMeet(ring.bounds, regionShell.bounds)) continue;
    const runs = classifyRingRuns(ring, contacts.get(ring), (other) => regionRings.has(other), regionContains);
    const overlapping = runs.find((run) => run.status === 'inside' || (run.status === 'shared' && run.interiorsSameSide));
    if (overlapping === undefined) continue;
    const first = Math.min(ring.polygonIndex, regionShell.polygonIndex);
    const second = Math.max(ring.polygonIndex, regionShell.polygonIndex);
    const message = `The polygons ${coordinatePath(sourceType, first)} and ${coordinatePath(sourceType, second)} overlap near ${formatPosition(overlapping.sample)}. Parts of a MultiPolygon may touch but not overlap.`;
    return { valid: false, reason: GEOMETRY_FAULTS.polygonsOverlap, message, path: coordinatePath(sourceType, ring.polygonIndex), location: overlapping.sample };
  }
  return null;
}
