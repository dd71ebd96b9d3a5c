import { orientation } from '../geometry/orientation.js';
import type { Position } from '../schemas/geojson.schema.js';
import type { HalfEdge, SplitGraph } from './split-graph.js';

/**
 * The faces of a split graph, each as the positions of its boundary walk with the face on the left
 * (a walk may touch itself where a hole or another face meets it at a point), or null when no cut is
 * left. A cut with the same face on both sides (a line that enters and only comes back out of the same
 * side, or only reaches a hole) splits nothing: it is taken out and the faces traced again.
 */
export function traceFaces(graph: SplitGraph): Position[][] | null {
  for (;;) {
    const faceOf = new Map<HalfEdge, number>();
    const walks: HalfEdge[][] = [];
    for (const start of graph.halfEdges) {
      if (faceOf.has(start)) continue;
      const walk: HalfEdge[] = [];
      let current = start;
      do {
        if (faceOf.has(current)) throw new Error('splitParcel: the noded polygon is not a planar graph.');
        faceOf.set(current, walks.length);
        walk.push(current);
        current = nextAround(current);
      } while (current !== start);
      walks.push(walk);
    }
    const bridges = graph.halfEdges.filter((halfEdge) => halfEdge.twin !== null && faceOf.get(halfEdge) === faceOf.get(halfEdge.twin));
    if (bridges.length === 0) {
      if (!graph.halfEdges.some((halfEdge) => halfEdge.twin !== null)) return null;
      return walks.map((walk) => walk.map((halfEdge) => halfEdge.from.position));
    }
    for (const bridge of bridges) if (graph.halfEdges.includes(bridge)) graph.removeCut(bridge);
  }
}

/**
 * The half-edge that follows `arriving` around the face on its left: of the edges leaving its end, the
 * first met turning clockwise from the way back. Angles are compared with exact orientation tests.
 */
function nextAround(arriving: HalfEdge): HalfEdge {
  const corner = arriving.to.position;
  const back = arriving.from.position;
  let best: HalfEdge | null = null;
  for (const candidate of arriving.to.outgoing) {
    if (best === null || clockwiseBefore(corner, back, candidate.to.position, best.to.position)) best = candidate;
  }
  if (best === null) throw new Error('splitParcel: a boundary edge leads nowhere.');
  return best;
}

/** Whether, turning clockwise around `corner` from the direction of `back`, `first` comes before `second`. */
function clockwiseBefore(corner: Position, back: Position, first: Position, second: Position): boolean {
  const firstSector = sector(corner, back, first);
  const secondSector = sector(corner, back, second);
  if (firstSector !== secondSector) return firstSector < secondSector;
  return orientation(corner, first, second) < 0;
}

/** 0 right of the way back, 1 straight ahead, 2 left of it, 3 the way back itself. */
function sector(corner: Position, back: Position, target: Position): number {
  const side = orientation(corner, back, target);
  if (side < 0) return 0;
  if (side > 0) return 2;
  const dot = (back[0] - corner[0]) * (target[0] - corner[0]) + (back[1] - corner[1]) * (target[1] - corner[1]);
  return dot < 0 ? 1 : 3;
}
