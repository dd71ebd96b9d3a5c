import type { Position } from '../schemas/geojson.schema.js';
import type { PlanarRing } from './planar-ring.js';

/** Copies the rings with exterior rings counter-clockwise and holes clockwise (RFC 7946). */
export function orientRings(polygons: Position[][][], planarRings: PlanarRing[][]): Position[][][] {
  return polygons.map((rings, polygonIndex) =>
    rings.map((ring, ringIndex) => {
      const counterClockwise = planarRings[polygonIndex]?.[ringIndex]?.counterClockwise;
      const copy = ring.map(([longitude, latitude]): Position => [longitude, latitude]);
      return counterClockwise === (ringIndex === 0) ? copy : copy.reverse();
    }),
  );
}
