import type { Position } from '../schemas/geojson.schema.js';
import { geometryBounds } from './geometry-bounds.js';

/** geometryBounds as the [west, south, east, north] array maplibre's fitBounds takes. @example geometryBbox(parcel.geometry.coordinates) */
export function geometryBbox(polygons: readonly (readonly (readonly Position[])[])[]): [number, number, number, number] {
  const { minX, minY, maxX, maxY } = geometryBounds(polygons);
  return [minX, minY, maxX, maxY];
}
