import { orient2d } from 'robust-predicates';
import type { Position } from '../schemas/geojson.schema.js';

/** Where a point lies relative to a polygon's closed rings (exterior then holes), with exact side tests. */
export function placeInPolygon(point: Position, rings: readonly (readonly Position[])[]): 'inside' | 'outside' | 'boundary' {
  for (const [ringIndex, ring] of rings.entries()) {
    const place = placeInRing(point, ring);
    if (place === 'boundary') return 'boundary';
    if (ringIndex === 0 && place === 'outside') return 'outside';
    if (ringIndex > 0 && place === 'inside') return 'outside';
  }
  return 'inside';
}

/** Where a point lies relative to one closed ring, whatever its orientation. */
export function placeInRing(point: Position, ring: readonly Position[]): 'inside' | 'outside' | 'boundary' {
  const [x, y] = point;
  let winding = 0;
  for (let index = 0; index + 1 < ring.length; index += 1) {
    const [startX, startY] = ring[index] as Position;
    const [endX, endY] = ring[index + 1] as Position;
    const side = orient2d(startX, startY, endX, endY, x, y);
    if (side === 0 && Math.min(startX, endX) <= x && x <= Math.max(startX, endX) && Math.min(startY, endY) <= y && y <= Math.max(startY, endY)) {
      return 'boundary';
    }
    // robust-predicates counts clockwise as positive: side < 0 means the point is left of start → end.
    if (startY <= y) {
      if (endY > y && side < 0) winding += 1;
    } else if (endY <= y && side > 0) {
      winding -= 1;
    }
  }
  return winding !== 0 ? 'inside' : 'outside';
}
