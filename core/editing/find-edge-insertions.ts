import Flatbush from 'flatbush';
import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';
import { alongEdge } from './along-edge.js';
import type { VertexInsertion } from './editable-parcel.js';
import { positionKey } from './position-key.js';

interface Edge {
  start: Position;
  end: Position;
  found: Array<{ at: Position; along: number }>;
}

/**
 * The insertions that give the `sources`' edges the new `points` lying on them (see alongEdge), one per
 * point and edge, in the order to apply them: along one edge, each after the one before it.
 */
export function findEdgeInsertions(points: readonly Position[], sources: readonly MultiPolygon[]): VertexInsertion[] {
  const edges = uniqueEdges(sources);
  if (edges.length === 0 || points.length === 0) return [];
  const index = new Flatbush(edges.length);
  for (const { start, end } of edges) index.add(Math.min(start[0], end[0]), Math.min(start[1], end[1]), Math.max(start[0], end[0]), Math.max(start[1], end[1]));
  index.finish();
  for (const point of points) {
    for (const candidate of index.search(point[0], point[1], point[0], point[1])) {
      const edge = edges[candidate] as Edge;
      const along = alongEdge(edge.start, edge.end, point);
      if (along !== null) edge.found.push({ at: point, along });
    }
  }
  return edges.flatMap(({ start, end, found }) => {
    found.sort((first, second) => first.along - second.along);
    return found.map(({ at }, order): VertexInsertion => ({ between: [copy(order === 0 ? start : (found[order - 1] as { at: Position }).at), copy(end)], at: copy(at) }));
  });
}

/** The positions of `results` found in none of `existing`, each once: the vertices an operation created. */
export function createdVertices(results: readonly MultiPolygon[], existing: readonly MultiPolygon[]): Position[] {
  const known = new Set<string>();
  for (const geometry of existing) for (const rings of geometry.coordinates) for (const ring of rings) for (const position of ring) known.add(positionKey(position));
  const created = new Map<string, Position>();
  for (const geometry of results) {
    for (const rings of geometry.coordinates) {
      for (const ring of rings) {
        for (const position of ring) if (!known.has(positionKey(position))) created.set(positionKey(position), position);
      }
    }
  }
  return [...created.values()];
}

/** Every edge of the sources once, whichever way round its rings run it. */
function uniqueEdges(sources: readonly MultiPolygon[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const source of sources) {
    for (const rings of source.coordinates) {
      for (const ring of rings) {
        for (let index = 0; index + 1 < ring.length; index += 1) {
          const start = ring[index] as Position;
          const end = ring[index + 1] as Position;
          const [startKey, endKey] = [positionKey(start), positionKey(end)];
          if (startKey === endKey) continue;
          const key = startKey < endKey ? `${startKey} ${endKey}` : `${endKey} ${startKey}`;
          if (!edges.has(key)) edges.set(key, { start, end, found: [] });
        }
      }
    }
  }
  return [...edges.values()];
}

function copy(position: Position): Position {
  return [position[0], position[1]];
}
