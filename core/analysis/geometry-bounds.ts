import type { Bounds } from '../geometry/for-each-overlapping-pair.js';
import type { Position } from '../schemas/geojson.schema.js';

/** The bounding box of polygons' coordinates (outer rings suffice). @example geometryBounds(parcel.geometry.coordinates) */
export function geometryBounds(polygons: readonly (readonly (readonly Position[])[])[]): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return { minX, minY, maxX, maxY };
}
