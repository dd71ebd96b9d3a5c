import type { MultiPolygon } from '../schemas/geojson.schema.js';
import { geodesicArea } from './geodesic-area.js';

/**
 * Drops the polygons of a MultiPolygon that cover less than `minArea` m² (the site's tolerance):
 * slivers a boolean operation leaves behind, which validateAreaGeometry would refuse and the
 * analysis would ignore. Returns what is kept (null if nothing) and how many polygons were dropped.
 *
 * @example
 * const { geometry, dropped } = dropSmallPolygons(subtractArea(parcel.geometry, overlap.geometry)!, site.tolerance);
 */
export function dropSmallPolygons(geometry: MultiPolygon, minArea: number): { geometry: MultiPolygon | null; dropped: number } {
  const kept = geometry.coordinates.filter((rings) => geodesicArea({ type: 'Polygon', coordinates: rings }) >= minArea);
  return {
    geometry: kept.length === 0 ? null : { type: 'MultiPolygon', coordinates: kept },
    dropped: geometry.coordinates.length - kept.length,
  };
}
