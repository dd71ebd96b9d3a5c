import type { Position } from '../schemas/geojson.schema.js';

/**
 * A ring's shoelace area in squared degrees: positive when it runs counter-clockwise. Open or closed rings
 * alike (a closing position adds nothing); only the sign and relative sizes mean anything, never square metres.
 */
export function signedPlanarArea(ring: readonly Position[]): number {
  const origin = ring[0];
  if (origin === undefined) return 0;
  // Coordinates relative to the first corner keep the products small and precise.
  const [originX, originY] = origin;
  let twiceArea = 0;
  for (let index = 0; index < ring.length; index += 1) {
    const [x1, y1] = ring[index] as Position;
    const [x2, y2] = ring[(index + 1) % ring.length] as Position;
    twiceArea += (x1 - originX) * (y2 - originY) - (x2 - originX) * (y1 - originY);
  }
  return twiceArea / 2;
}
