import type { Position } from '../schemas/geojson.schema.js';
import { capitalise, coordinatePath, formatPosition, ringLabel, type SourceType } from './fault-wording.js';
import { GEOMETRY_FAULTS, type GeometryFault } from './geometry-faults.js';
import { orientation } from './orientation.js';
import type { PlanarRing } from './planar-ring.js';

/**
 * Finds a corner where a ring turns back along the line it came from (a zero-width spike).
 * Checked before the general intersection sweep so the fault is reported at the spike's tip,
 * not where its two sides touch at its base.
 */
export function findSpike(rings: PlanarRing[], sourceType: SourceType): GeometryFault | null {
  for (const ring of rings) {
    const { vertices } = ring;
    for (let index = 0; index < vertices.length; index += 1) {
      const previous = vertices[(index - 1 + vertices.length) % vertices.length] as Position;
      const corner = vertices[index] as Position;
      const next = vertices[(index + 1) % vertices.length] as Position;
      const turnsBack = (corner[0] - previous[0]) * (next[0] - corner[0]) + (corner[1] - previous[1]) * (next[1] - corner[1]) < 0;
      if (!turnsBack || orientation(previous, corner, next) !== 0) continue;
      const label = ringLabel(sourceType, ring.polygonIndex, ring.ringIndex);
      return {
        valid: false,
        reason: GEOMETRY_FAULTS.selfIntersection,
        message: `${capitalise(label)} turns back on itself at ${formatPosition(corner)}, drawing a spike of zero width.`,
        path: coordinatePath(sourceType, ring.polygonIndex, ring.ringIndex, ring.sourceIndexes[index] as number),
        location: corner,
      };
    }
  }
  return null;
}
