import { classifyRingRuns } from './classify-ring-runs.js';
import { capitalise, coordinatePath, formatPosition, ringLabel, type SourceType } from './fault-wording.js';
import { forEachOverlappingPair } from './for-each-overlapping-pair.js';
import { GEOMETRY_FAULTS, type GeometryFault } from './geometry-faults.js';
import type { PlanarRing } from './planar-ring.js';
import { pointInPlanarRing } from './point-in-planar-ring.js';
import type { RingContacts } from './ring-contacts.js';

/** Finds a hole outside its shell, leaving it through a corner, inside another hole, or overlapping one. */
export function findHoleFault(polygon: PlanarRing[], contacts: RingContacts, sourceType: SourceType): GeometryFault | null {
  const [shell, ...holes] = polygon;
  if (shell === undefined) return null;
  for (const hole of holes) {
    const runs = classifyRingRuns(hole, contacts.get(hole), (other) => other === shell, (point) => pointInPlanarRing(point, shell));
    const outside = runs.find((run) => run.status === 'outside');
    if (outside === undefined) continue;
    const label = ringLabel(sourceType, hole.polygonIndex, hole.ringIndex);
    const path = coordinatePath(sourceType, hole.polygonIndex, hole.ringIndex);
    if (outside.start !== null && runs.some((run) => run.status === 'inside')) {
      const message = `${capitalise(label)} goes out of the exterior ring at ${formatPosition(outside.start)}.`;
      return { valid: false, reason: GEOMETRY_FAULTS.holeCrossesShell, message, path, location: outside.start };
    }
    return { valid: false, reason: GEOMETRY_FAULTS.holeOutsideShell, message: `${capitalise(label)} lies outside the exterior ring.`, path, location: outside.sample };
  }
  let fault: GeometryFault | null = null;
  forEachOverlappingPair(holes.map((hole) => hole.bounds), (first, second) => {
    const hole = holes[first] as PlanarRing;
    const other = holes[second] as PlanarRing;
    fault = findHolePairFault(hole, other, contacts, sourceType) ?? findHolePairFault(other, hole, contacts, sourceType);
    return fault !== null;
  });
  return fault;
}

function findHolePairFault(inner: PlanarRing, outer: PlanarRing, contacts: RingContacts, sourceType: SourceType): GeometryFault | null {
  const runs = classifyRingRuns(inner, contacts.get(inner), (other) => other === outer, (point) => pointInPlanarRing(point, outer));
  const inside = runs.find((run) => run.status === 'inside');
  if (inside === undefined) return null;
  const innerLabel = ringLabel(sourceType, inner.polygonIndex, inner.ringIndex);
  const outerLabel = ringLabel(sourceType, outer.polygonIndex, outer.ringIndex);
  const path = coordinatePath(sourceType, inner.polygonIndex, inner.ringIndex);
  if (inside.start !== null && runs.some((run) => run.status === 'outside')) {
    const message = `${capitalise(innerLabel)} and ${outerLabel} overlap from ${formatPosition(inside.start)}; merge them into one hole.`;
    return { valid: false, reason: GEOMETRY_FAULTS.holesOverlap, message, path, location: inside.start };
  }
  const message = `${capitalise(innerLabel)} lies inside ${outerLabel}; a hole cannot contain another hole (draw the island as a separate polygon).`;
  return { valid: false, reason: GEOMETRY_FAULTS.nestedHoles, message, path, location: inside.sample };
}
