import { orient2d } from 'robust-predicates';
import type { AreaEdges } from './area-edges.js';

/** Where a point lies relative to indexed polygons: inside, outside or on an edge (exact side tests). @example placePoint(areaEdges(parcel.geometry.coordinates), 2.48, 48.9) */
export function placePoint(edges: AreaEdges, x: number, y: number): 'inside' | 'outside' | 'boundary' {
  if (edges.tree === null) return 'outside';
  let crossings = 0;
  // Only edges reaching the ray from the point eastwards can cross it; even-odd, so ring orientation does not matter.
  for (const edge of edges.tree.search(x, y, Infinity, y)) {
    const offset = edge * 4;
    const x1 = edges.coordinates[offset] as number;
    const y1 = edges.coordinates[offset + 1] as number;
    const x2 = edges.coordinates[offset + 2] as number;
    const y2 = edges.coordinates[offset + 3] as number;
    const side = orient2d(x1, y1, x2, y2, x, y);
    if (side === 0 && Math.min(x1, x2) <= x && x <= Math.max(x1, x2) && Math.min(y1, y2) <= y && y <= Math.max(y1, y2)) return 'boundary';
    // robust-predicates counts clockwise as positive (y axis down): side < 0 means the point is left of the edge.
    if ((y1 <= y && y2 > y && side < 0) || (y2 <= y && y1 > y && side > 0)) crossings += 1;
  }
  return crossings % 2 === 1 ? 'inside' : 'outside';
}
