import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';
import { orientRings } from './orient-rings.js';
import { buildPlanarRings } from './planar-ring.js';

/**
 * Closed polygons as validateAreaGeometry writes them: exterior rings counter-clockwise, holes clockwise,
 * degenerate polygons (a ring of under four positions) dropped. Null when none is left.
 */
export function orientedMultiPolygon(polygons: Position[][][]): MultiPolygon | null {
  const kept = polygons.filter((rings) => rings.every((ring) => ring.length >= 4));
  if (kept.length === 0) return null;
  return { type: 'MultiPolygon', coordinates: orientRings(kept, buildPlanarRings(kept)) };
}
