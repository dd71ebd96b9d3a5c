import type { Bounds } from '../geometry/for-each-overlapping-pair.js';
import type { Position } from '../schemas/geojson.schema.js';
import { geometryBbox } from './geometry-bbox.js';

/** The bounding box of polygons' coordinates (geometryBbox) as the Bounds that Flatbush searches take. @example geometryBounds(parcel.geometry.coordinates) */
export function geometryBounds(polygons: readonly (readonly (readonly Position[])[])[]): Bounds {
  const [minX, minY, maxX, maxY] = geometryBbox(polygons);
  return { minX, minY, maxX, maxY };
}
