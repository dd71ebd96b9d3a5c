import Flatbush from 'flatbush';
import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';
import { alongEdge } from './along-edge.js';
import { positionKey } from './position-key.js';

/**
 * Adds to closed rings the source vertices lying on their edges (see alongEdge). After a boolean
 * operation it puts back what polyclip-ts drops as collinear, which may be a corner of the parcel
 * next door: keeping it keeps the two parcels sharing it. Before one, it nodes parcels with each
 * other, so that an edge one of them carries with an extra vertex is seen as the same edge.
 */
export function restoreVertices(polygons: Position[][][], sources: readonly MultiPolygon[]): Position[][][] {
  const candidates = uniqueVertices(sources);
  if (candidates.length === 0) return polygons;
  const index = new Flatbush(candidates.length);
  for (const [x, y] of candidates) index.add(x, y, x, y);
  index.finish();
  return polygons.map((rings) => rings.map((ring) => restoreInRing(ring, candidates, index)));
}

function restoreInRing(ring: Position[], candidates: Position[], index: Flatbush): Position[] {
  const restored: Position[] = [];
  for (let position = 0; position < ring.length; position += 1) {
    const start = ring[position] as Position;
    restored.push(start);
    const end = ring[position + 1];
    if (end === undefined) continue;
    const found = index
      .search(Math.min(start[0], end[0]), Math.min(start[1], end[1]), Math.max(start[0], end[0]), Math.max(start[1], end[1]))
      .map((candidate) => ({ vertex: candidates[candidate] as Position, along: alongEdge(start, end, candidates[candidate] as Position) }))
      .filter((found): found is { vertex: Position; along: number } => found.along !== null)
      .sort((first, second) => first.along - second.along);
    for (const { vertex } of found) restored.push([vertex[0], vertex[1]]);
  }
  return restored;
}

function uniqueVertices(sources: readonly MultiPolygon[]): Position[] {
  const unique = new Map<string, Position>();
  for (const source of sources) {
    for (const rings of source.coordinates) {
      for (const ring of rings) for (const position of ring) unique.set(positionKey(position), position);
    }
  }
  return [...unique.values()];
}
