import type { Position } from '../schemas/geojson.schema.js';
import { rayCrossing } from './ray-crossing.js';

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
  let winding = 0;
  for (let index = 0; index + 1 < ring.length; index += 1) {
    const [startX, startY] = ring[index] as Position;
    const [endX, endY] = ring[index + 1] as Position;
    const crossing = rayCrossing(startX, startY, endX, endY, point[0], point[1]);
    if (crossing === 'boundary') return 'boundary';
    winding += crossing;
  }
  return winding !== 0 ? 'inside' : 'outside';
}
