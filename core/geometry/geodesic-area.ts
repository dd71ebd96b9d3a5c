import geographiclib from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from '../schemas/geojson.schema.js';
import { samePosition } from './same-position.js';

const ellipsoid = geographiclib.Geodesic.WGS84;

/** Area in square metres on the WGS84 ellipsoid, holes subtracted, as PostGIS `ST_Area(geography)`. */
export function geodesicArea(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, ringIndex) => {
      const ringArea = geodesicRingArea(ring);
      total += ringIndex === 0 ? ringArea : -ringArea;
    });
  }
  return total;
}

function geodesicRingArea(ring: Position[]): number {
  const polygonArea = new geographiclib.PolygonArea.PolygonArea(ellipsoid, false);
  // GeoJSON repeats the first position at the end; geographiclib closes rings itself.
  const openLength = ring.length > 1 && samePosition(ring[0] as Position, ring[ring.length - 1] as Position) ? ring.length - 1 : ring.length;
  for (let index = 0; index < openLength; index += 1) {
    const [longitude, latitude] = ring[index] as Position;
    polygonArea.AddPoint(latitude, longitude);
  }
  // sign=true keeps a clockwise ring small and negative instead of "the rest of the Earth".
  return Math.abs(polygonArea.Compute(false, true).area ?? 0);
}
