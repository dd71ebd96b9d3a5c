import { orientRings } from '../geometry/orient-rings.js';
import { buildPlanarRings } from '../geometry/planar-ring.js';
import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';
import { restoreVertices } from './restore-vertices.js';
import { closeRing } from './close-ring.js';

/**
 * A clipping result (polygon-clipping.ts) normalised like subtractArea's: closed rings, exterior rings counter-clockwise
 * and holes clockwise, with the `sources`' vertices that lie on its edges put back. Null when empty.
 */
export function normaliseClipResult(polygons: Position[][][], sources: readonly MultiPolygon[]): MultiPolygon | null {
  const closed = restoreVertices(
    polygons.map((rings) => rings.map(closeRing)),
    sources,
  ).filter((rings) => rings.every((ring) => ring.length >= 4));
  if (closed.length === 0) return null;
  return { type: 'MultiPolygon', coordinates: orientRings(closed, buildPlanarRings(closed)) };
}
