import { rayCrossing } from '../geometry/ray-crossing.js';
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
    const crossing = rayCrossing(x1, y1, x2, y2, x, y);
    if (crossing === 'boundary') return 'boundary';
    if (crossing !== 0) crossings += 1;
  }
  return crossings % 2 === 1 ? 'inside' : 'outside';
}
