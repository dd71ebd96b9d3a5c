import type { Position } from '../schemas/geojson.schema.js';
import { positionKey } from './position-key.js';

/** A point where the polygon's rings and the cutting line meet or turn. */
export interface GraphNode {
  position: Position;
  outgoing: HalfEdge[];
}

/** One direction of an edge; boundary edges exist only in the direction that has the interior on its left. */
export interface HalfEdge {
  from: GraphNode;
  to: GraphNode;
  /** The opposite direction of a cut; null on the boundary. */
  twin: HalfEdge | null;
}

/** The planar graph of one polygon's rings noded with the part of a cutting line inside it. */
export class SplitGraph {
  private readonly nodes = new Map<string, GraphNode>();
  readonly halfEdges: HalfEdge[] = [];

  node(position: Position): GraphNode {
    const key = positionKey(position);
    let node = this.nodes.get(key);
    if (node === undefined) {
      node = { position: [position[0], position[1]], outgoing: [] };
      this.nodes.set(key, node);
    }
    return node;
  }

  addBoundary(from: Position, to: Position): void {
    const [start, end] = [this.node(from), this.node(to)];
    if (start !== end) this.add(start, end, null);
  }

  addCut(from: Position, to: Position): void {
    const [start, end] = [this.node(from), this.node(to)];
    if (start === end) return;
    const forward = this.add(start, end, null);
    forward.twin = this.add(end, start, forward);
  }

  /** Takes a cut out of the graph, both directions. */
  removeCut(halfEdge: HalfEdge): void {
    for (const removed of [halfEdge, halfEdge.twin]) {
      if (removed === null) continue;
      removed.from.outgoing.splice(removed.from.outgoing.indexOf(removed), 1);
      this.halfEdges.splice(this.halfEdges.indexOf(removed), 1);
    }
  }

  private add(from: GraphNode, to: GraphNode, twin: HalfEdge | null): HalfEdge {
    const halfEdge: HalfEdge = { from, to, twin };
    from.outgoing.push(halfEdge);
    this.halfEdges.push(halfEdge);
    return halfEdge;
  }
}
