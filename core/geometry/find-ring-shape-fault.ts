import type { Position } from '../schemas/geojson.schema.js';
import { capitalise, coordinatePath, formatPosition, ringLabel } from './fault-wording.js';
import { samePosition } from './same-position.js';
import { GEOMETRY_FAULTS, type GeometryFault } from './geometry-faults.js';
import type { ParsedAreaGeometry } from './read-area-geometry.js';

/** Finds the first ring that is not closed or has fewer than 3 distinct corners. */
export function findRingShapeFault(geometry: ParsedAreaGeometry): GeometryFault | null {
  const { sourceType } = geometry;
  for (const [polygonIndex, rings] of geometry.polygons.entries()) {
    for (const [ringIndex, ring] of rings.entries()) {
      const label = ringLabel(sourceType, polygonIndex, ringIndex);
      const first = ring[0];
      const lastIndex = ring.length - 1;
      const last = ring[lastIndex];
      if (ring.length < 4 || first === undefined || last === undefined) {
        const path = coordinatePath(sourceType, polygonIndex, ringIndex);
        return { valid: false, reason: GEOMETRY_FAULTS.ringTooShort, message: `${capitalise(label)} has ${ring.length} positions; a ring needs at least 4, the last repeating the first.`, path, ...(first ? { location: first } : {}) };
      }
      if (!samePosition(first, last)) {
        const path = coordinatePath(sourceType, polygonIndex, ringIndex, lastIndex);
        return { valid: false, reason: GEOMETRY_FAULTS.ringNotClosed, message: `${capitalise(label)} is not closed: its last position ${formatPosition(last)} must repeat its first ${formatPosition(first)}.`, path, location: last };
      }
      if (countDistinctCorners(ring) < 3) {
        const path = coordinatePath(sourceType, polygonIndex, ringIndex);
        return { valid: false, reason: GEOMETRY_FAULTS.ringTooShort, message: `${capitalise(label)} has fewer than 3 distinct corners, so it encloses nothing.`, path, location: first };
      }
    }
  }
  return null;
}

function countDistinctCorners(ring: Position[]): number {
  let count = 0;
  for (let index = 1; index < ring.length; index += 1) {
    if (!samePosition(ring[index] as Position, ring[index - 1] as Position)) count += 1;
  }
  return count;
}
