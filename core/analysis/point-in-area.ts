import { placeInRing } from '../geometry/place-in-polygon.js';
import type { Position } from '../schemas/geojson.schema.js';

/** Whether a point lies in polygons' coordinates, boundary included (as PostGIS ST_Intersects). @example pointInArea([2.48, 48.9], parcel.geometry.coordinates) */
export function pointInArea(point: Position, polygons: readonly (readonly (readonly Position[])[])[]): boolean {
  for (const rings of polygons) {
    let inside = false;
    for (const [ringIndex, ring] of rings.entries()) {
      const place = placeInRing(point, ring);
      if (place === 'boundary') return true;
      if (ringIndex === 0 && place === 'outside') break;
      if (ringIndex === 0) inside = true;
      else if (place === 'inside') {
        inside = false;
        break;
      }
    }
    if (inside) return true;
  }
  return false;
}
