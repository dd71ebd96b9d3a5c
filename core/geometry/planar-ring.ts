import type { Position } from '../schemas/geojson.schema.js';
import { signedPlanarArea } from './signed-planar-area.js';
import { samePosition } from './same-position.js';

/** A closed ring prepared for planar topology checks in longitude/latitude. */
export interface PlanarRing {
  polygonIndex: number;
  /** 0 for the exterior ring, then the holes. */
  ringIndex: number;
  /** Corners in input order, without repeated consecutive positions nor the closing position. */
  vertices: Position[];
  /** Where each corner sits in the caller's ring, for fault paths. */
  sourceIndexes: number[];
  /** True when the ring runs counter-clockwise (positive planar area). */
  counterClockwise: boolean;
  /** True when the polygon's interior lies to the left of the ring's direction of travel. */
  interiorOnLeft: boolean;
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

/** Prepares every ring of every polygon; rings must already be closed with 3 distinct corners. */
export function buildPlanarRings(polygons: Position[][][]): PlanarRing[][] {
  return polygons.map((rings, polygonIndex) => rings.map((ring, ringIndex) => buildPlanarRing(ring, polygonIndex, ringIndex)));
}

function buildPlanarRing(ring: Position[], polygonIndex: number, ringIndex: number): PlanarRing {
  const vertices: Position[] = [];
  const sourceIndexes: number[] = [];
  for (let index = 0; index < ring.length - 1; index += 1) {
    const position = ring[index] as Position;
    const previous = vertices[vertices.length - 1];
    if (previous !== undefined && samePosition(previous, position)) continue;
    vertices.push(position);
    sourceIndexes.push(index);
  }
  // A ring such as A, B, C, A, A leaves a trailing copy of A once the closing position is cut.
  const first = vertices[0] as Position;
  const last = vertices[vertices.length - 1] as Position;
  if (vertices.length > 1 && samePosition(first, last)) {
    vertices.pop();
    sourceIndexes.pop();
  }
  const counterClockwise = signedPlanarArea(vertices) > 0;
  return {
    polygonIndex,
    ringIndex,
    vertices,
    sourceIndexes,
    counterClockwise,
    interiorOnLeft: ringIndex === 0 ? counterClockwise : !counterClockwise,
    bounds: boundsOf(vertices),
  };
}

function boundsOf(vertices: Position[]): PlanarRing['bounds'] {
  const bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of vertices) {
    bounds.minX = Math.min(bounds.minX, x);
    bounds.minY = Math.min(bounds.minY, y);
    bounds.maxX = Math.max(bounds.maxX, x);
    bounds.maxY = Math.max(bounds.maxY, y);
  }
  return bounds;
}
