import { orient2d } from 'robust-predicates';
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

function placeInRing(point: Position, ring: readonly Position[]): 'inside' | 'outside' | 'boundary' {
  const [x, y] = point;
  let winding = 0;
  for (let index = 0; index + 1 < ring.length; index += 1) {
    const [startX, startY] = ring[index] as Position;
    const [endX, endY] = ring[index + 1] as Position;
    const side = orient2d(startX, startY, endX, endY, x, y);
    if (side === 0 && Math.min(startX, endX) <= x && x <= Math.max(startX, endX) && Math.min(startY, endY) <= y && y <= Math.max(startY, endY)) {
      return 'boundary';
    }
    // robust-predicates counts clockwise as positive (y axis down): side < 0 means the point is left of start → end.
    if (startY <= y) {
      if (endY > y && side < 0) winding += 1;
    } else if (endY <= y && side > 0) {
      winding -= 1;
    }
  }
  return winding !== 0 ? 'inside' : 'outside';
}
