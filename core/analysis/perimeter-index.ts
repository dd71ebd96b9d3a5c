import Flatbush from 'flatbush';
import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';

/** A site perimeter with an R-tree of its edges, to tell quickly whether a box lies wholly inside or outside it. */
export interface PerimeterIndex {
  perimeter: MultiPolygon;
  edges: Flatbush | null;
}

/** Indexes the edges of a perimeter. @example createPerimeterIndex(site.perimeter) */
export function createPerimeterIndex(perimeter: MultiPolygon): PerimeterIndex {
  const segments: Array<[Position, Position]> = [];
  for (const rings of perimeter.coordinates) {
    for (const ring of rings) {
      for (let index = 0; index + 1 < ring.length; index += 1) segments.push([ring[index] as Position, ring[index + 1] as Position]);
    }
  }
  if (segments.length === 0) return { perimeter, edges: null };
  const edges = new Flatbush(segments.length);
  for (const [[startX, startY], [endX, endY]] of segments) {
    edges.add(Math.min(startX, endX), Math.min(startY, endY), Math.max(startX, endX), Math.max(startY, endY));
  }
  edges.finish();
  return { perimeter, edges };
}
