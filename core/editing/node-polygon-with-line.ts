import { intersectSegments } from '../geometry/intersect-segments.js';
import { parameterAlong } from '../geometry/parameter-along.js';
import type { Position } from '../schemas/geojson.schema.js';
import { ON_EDGE_DEGREES } from './along-edge.js';
import { placeInPolygon } from '../geometry/place-in-polygon.js';
import { openRing } from './open-ring.js';
import { samePosition } from '../geometry/same-position.js';
import { SplitGraph } from './split-graph.js';

interface Stop {
  along: number;
  position: Position;
}

interface Segment {
  start: Position;
  end: Position;
  stops: Stop[];
}

interface LineSegment extends Segment {
  /** Stretches (as `along` intervals) where the line runs on the polygon's boundary: they cut nothing. */
  onBoundary: Array<[number, number]>;
}

/**
 * Builds the planar graph of one polygon (closed rings, exterior counter-clockwise, holes clockwise)
 * and a cutting line: every ring edge split where the line meets it, and the stretches of the line
 * strictly inside the polygon as cuts. Where the line crosses an edge, both get the same computed
 * point; where it touches a vertex or runs along an edge, the existing positions are used.
 */
export function nodePolygonWithLine(rings: readonly Position[][], line: readonly Position[]): SplitGraph {
  const edges = rings.flatMap((ring) => ringEdges(ring));
  const lineSegments: LineSegment[] = [];
  for (let index = 0; index + 1 < line.length; index += 1) {
    lineSegments.push({ start: line[index] as Position, end: line[index + 1] as Position, stops: [], onBoundary: [] });
  }
  for (const edge of edges) {
    for (const segment of lineSegments) {
      if (!segmentBoxesMeet(edge, segment)) continue;
      const meeting = intersectSegments(edge.start, edge.end, segment.start, segment.end);
      if (meeting === null) continue;
      if (meeting.kind === 'overlap') {
        for (const point of [meeting.from, meeting.to]) addMeeting(edge, segment, point);
        const stretch = [parameterAlong(segment.start, segment.end, meeting.from), parameterAlong(segment.start, segment.end, meeting.to)];
        segment.onBoundary.push([Math.min(...stretch), Math.max(...stretch)]);
      } else {
        addMeeting(edge, segment, meeting.kind === 'crossing' ? snapToEnds(crossingPoint(edge, segment), edge) : meeting.point);
      }
    }
  }
  const graph = new SplitGraph();
  for (const edge of edges) {
    const positions = stopsAlong(edge);
    for (let index = 0; index + 1 < positions.length; index += 1) graph.addBoundary(positions[index] as Position, positions[index + 1] as Position);
  }
  for (const segment of lineSegments) addCuts(graph, segment, rings);
  return graph;
}

function addCuts(graph: SplitGraph, segment: LineSegment, rings: readonly Position[][]): void {
  const stops = [{ along: 0, position: segment.start }, ...segment.stops.sort((first, second) => first.along - second.along), { along: 1, position: segment.end }];
  for (let index = 0; index + 1 < stops.length; index += 1) {
    const from = stops[index] as Stop;
    const to = stops[index + 1] as Stop;
    if (samePosition(from.position, to.position)) continue;
    if (segment.onBoundary.some(([low, high]) => low <= from.along && to.along <= high)) continue;
    const middle: Position = [(from.position[0] + to.position[0]) / 2, (from.position[1] + to.position[1]) / 2];
    if (placeInPolygon(middle, rings) === 'inside') graph.addCut(from.position, to.position);
  }
}

/**
 * Where two segments known to cross meet. Each coordinate is taken from the segment spanning less of
 * that axis, whose rounding error there is smaller: a cut along a parallel or a meridian stays exactly
 * on it, and so does a crossing with an edge running north-south or east-west.
 */
function crossingPoint(edge: Segment, segment: Segment): Position {
  const edgeDelta = [edge.end[0] - edge.start[0], edge.end[1] - edge.start[1]] as const;
  const segmentDelta = [segment.end[0] - segment.start[0], segment.end[1] - segment.start[1]] as const;
  const offset = [segment.start[0] - edge.start[0], segment.start[1] - edge.start[1]] as const;
  const denominator = edgeDelta[0] * segmentDelta[1] - edgeDelta[1] * segmentDelta[0];
  const alongEdge = (offset[0] * segmentDelta[1] - offset[1] * segmentDelta[0]) / denominator;
  const alongSegment = (offset[0] * edgeDelta[1] - offset[1] * edgeDelta[0]) / denominator;
  const coordinate = (axis: 0 | 1) =>
    Math.abs(edgeDelta[axis]) <= Math.abs(segmentDelta[axis])
      ? edge.start[axis] + alongEdge * edgeDelta[axis]
      : segment.start[axis] + alongSegment * segmentDelta[axis];
  return [clamp(coordinate(0), edge, segment, 0), clamp(coordinate(1), edge, segment, 1)];
}

/**
 * A crossing within rounding of one of the edge's ends is that corner: a line drawn through a corner
 * (in decimal coordinates) misses it by about 1e-15 degrees in binary, and must not cut a sliver there.
 */
function snapToEnds(point: Position, edge: Segment): Position {
  for (const end of [edge.start, edge.end]) {
    if (Math.hypot(point[0] - end[0], point[1] - end[1]) <= ON_EDGE_DEGREES) return end;
  }
  return point;
}

/** Keeps a computed coordinate within both segments' extents, where rounding could push it out. */
function clamp(value: number, edge: Segment, segment: Segment, axis: 0 | 1): number {
  const low = Math.max(Math.min(edge.start[axis], edge.end[axis]), Math.min(segment.start[axis], segment.end[axis]));
  const high = Math.min(Math.max(edge.start[axis], edge.end[axis]), Math.max(segment.start[axis], segment.end[axis]));
  return Math.min(Math.max(value, low), high);
}

function addMeeting(edge: Segment, segment: Segment, point: Position): void {
  if (!samePosition(point, edge.start) && !samePosition(point, edge.end)) {
    edge.stops.push({ along: parameterAlong(edge.start, edge.end, point), position: point });
  }
  if (!samePosition(point, segment.start) && !samePosition(point, segment.end)) {
    segment.stops.push({ along: parameterAlong(segment.start, segment.end, point), position: point });
  }
}

function stopsAlong(edge: Segment): Position[] {
  return [edge.start, ...edge.stops.sort((first, second) => first.along - second.along).map((stop) => stop.position), edge.end];
}

function ringEdges(ring: Position[]): Segment[] {
  // Repeated consecutive positions (which validateAreaGeometry keeps) would be edges of no length.
  const vertices = openRing(ring).filter((position, index, all) => index === 0 || !samePosition(position, all[index - 1] as Position));
  while (vertices.length > 1 && samePosition(vertices[0] as Position, vertices[vertices.length - 1] as Position)) vertices.pop();
  return vertices.map((start, index) => ({ start, end: vertices[(index + 1) % vertices.length] as Position, stops: [] }));
}

// boundsMeet's test on the segments' ends directly: building two Bounds objects per edge and line segment
// pair would allocate in the graph's innermost loop.
function segmentBoxesMeet(first: Segment, second: Segment): boolean {
  return (
    Math.min(first.start[0], first.end[0]) <= Math.max(second.start[0], second.end[0]) &&
    Math.min(second.start[0], second.end[0]) <= Math.max(first.start[0], first.end[0]) &&
    Math.min(first.start[1], first.end[1]) <= Math.max(second.start[1], second.end[1]) &&
    Math.min(second.start[1], second.end[1]) <= Math.max(first.start[1], first.end[1])
  );
}
