import { closeRing } from '../geometry/close-ring.js';
import { orientedMultiPolygon } from '../geometry/oriented-polygons.js';
import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';
import { restoreVertices } from './restore-vertices.js';

/**
 * A clipping result (polygon-clipping.ts) normalised like subtractArea's: closed rings, exterior rings counter-clockwise
 * and holes clockwise, with the `sources`' vertices that lie on its edges put back. Null when empty.
 */
export function normaliseClipResult(polygons: Position[][][], sources: readonly MultiPolygon[]): MultiPolygon | null {
  return orientedMultiPolygon(restoreVertices(polygons.map((rings) => rings.map(closeRing)), sources));
}
