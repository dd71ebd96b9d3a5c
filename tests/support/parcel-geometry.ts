// Small geometric questions end-to-end tests ask of the demo's parcels: where to click inside one,
// which vertices neighbours share, how large a parcel is.
import { geodesicArea, type MultiPolygon } from '../../core/index.js';

type Point = [number, number];

function inside(geometry: MultiPolygon, [x, y]: Point): boolean {
  let crossings = 0;
  for (const ring of geometry.coordinates.flat()) {
    for (let index = 0; index + 1 < ring.length; index += 1) {
      const [x1, y1] = ring[index] as Point;
      const [x2, y2] = ring[index + 1] as Point;
      if ((y1 > y) !== (y2 > y) && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) crossings += 1;
    }
  }
  return crossings % 2 === 1;
}

function distanceToEdges(geometry: MultiPolygon, [x, y]: Point): number {
  let best = Infinity;
  for (const ring of geometry.coordinates.flat()) {
    for (let index = 0; index + 1 < ring.length; index += 1) {
      const [x1, y1] = ring[index] as Point;
      const [x2, y2] = ring[index + 1] as Point;
      const length = (x2 - x1) ** 2 + (y2 - y1) ** 2;
      const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / length));
      best = Math.min(best, Math.hypot(x - (x1 + t * (x2 - x1)), y - (y1 + t * (y2 - y1))));
    }
  }
  return best;
}

/** A point well inside a parcel (the inside point of a 40 × 40 grid farthest from its edges): where a user clicks it. */
export function interiorPoint(geometry: MultiPolygon): Point {
  const positions = geometry.coordinates.flat(2) as Point[];
  const xs = positions.map(([x]) => x);
  const ys = positions.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best: { point: Point; clearance: number } | null = null;
  for (let i = 1; i < 40; i += 1) {
    for (let j = 1; j < 40; j += 1) {
      const point: Point = [minX + ((maxX - minX) * i) / 40, minY + ((maxY - minY) * j) / 40];
      if (!inside(geometry, point)) continue;
      const clearance = distanceToEdges(geometry, point);
      if (!best || clearance > best.clearance) best = { point, clearance };
    }
  }
  if (!best) throw new Error('interiorPoint: no grid point falls inside the parcel');
  return best.point;
}

/** The positions of a parcel's rings (closing positions left out), as "lon,lat" keys. */
export function vertexKeys(geometry: MultiPolygon): Set<string> {
  return new Set(geometry.coordinates.flatMap((rings) => rings.flatMap((ring) => ring.slice(0, -1).map((position) => position.join(',')))));
}

/** The parcel's area in m² (geodesic, as the app computes it). */
export const areaOf = (geometry: MultiPolygon): number => geodesicArea(geometry);

/** Metres between two nearby positions (plane approximation, enough within a site). */
function metresBetween([lon1, lat1]: Point, [lon2, lat2]: Point): number {
  const dx = (lon2 - lon1) * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180) * 111_320;
  const dy = (lat2 - lat1) * 110_540;
  return Math.hypot(dx, dy);
}

/**
 * How far a vertex of these parcels stands from every other vertex they have, in metres: a vertex
 * with room around it is one a drag on the map grabs alone (not a neighbouring vertex or midpoint handle).
 */
export function vertexClearance(key: string, geometries: readonly MultiPolygon[]): number {
  const position = key.split(',').map(Number) as Point;
  const others = geometries.flatMap((geometry) => [...vertexKeys(geometry)]).filter((other) => other !== key);
  return Math.min(...others.map((other) => metresBetween(position, other.split(',').map(Number) as Point)));
}
