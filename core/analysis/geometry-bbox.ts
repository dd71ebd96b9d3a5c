import { bbox } from '@turf/bbox';
import type { Position } from '../schemas/geojson.schema.js';

/** The [west, south, east, north] box of polygons' coordinates (Turf bbox), as maplibre's fitBounds takes it. @example geometryBbox(parcel.geometry.coordinates) */
export function geometryBbox(polygons: readonly (readonly (readonly Position[])[])[]): [number, number, number, number] {
  const [west, south, east, north] = bbox({ type: 'MultiPolygon', coordinates: polygons as Position[][][] });
  return [west, south, east, north];
}
