import Flatbush from 'flatbush';
import { samePosition } from '../../../core/index.js';

/** A [longitude, latitude] position. */
export type LngLat = [number, number];
/** Screen pixels from a position, and back; the map's projection, or a fake one in tests. */
export type Project = (lng: number, lat: number) => { x: number; y: number };
export type Unproject = (x: number, y: number) => { lng: number; lat: number };

/** The area geometries whose vertices and edges a drawn vertex snaps to. */
export type SnapGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** Where a pointer snapped: exactly onto a vertex of the data, or onto a point of one of its edges. */
export interface SnapResult {
  kind: 'vertex' | 'edge';
  position: LngLat;
  /** Distance from the pointer, in pixels. */
  distance: number;
}

/** Finds the nearest vertex or edge of a fixed set of geometries around a pointer. */
export interface SnapIndex {
  /**
   * The nearest vertex within `tolerance` pixels (returned with the data's exact coordinates), else
   * the nearest point of an edge within it, else null. Vertices win over edges: a shared corner is
   * what a user aims at when the pointer is near it.
   */
  snap(pointer: { lng: number; lat: number }, tolerance: number, project: Project, unproject: Unproject): SnapResult | null;
  /** Number of indexed edges. */
  readonly size: number;
}

function ringsOf(geometry: SnapGeometry): number[][][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/**
 * Indexes every edge of `geometries` (in longitude/latitude, as the app holds them: no tile
 * quantisation) so that snapping reads the exact coordinates of the neighbours.
 */
export function createSnapIndex(geometries: Iterable<SnapGeometry>): SnapIndex {
  const starts: LngLat[] = [];
  const ends: LngLat[] = [];
  for (const geometry of geometries) {
    for (const ring of ringsOf(geometry)) {
      for (let index = 0; index + 1 < ring.length; index += 1) {
        const start = ring[index]!;
        const end = ring[index + 1]!;
        if (samePosition(start, end)) continue;
        starts.push([start[0]!, start[1]!]);
        ends.push([end[0]!, end[1]!]);
      }
    }
  }
  if (starts.length === 0) return { snap: () => null, size: 0 };
  const index = new Flatbush(starts.length);
  for (let edge = 0; edge < starts.length; edge += 1) {
    const [x0, y0] = starts[edge]!;
    const [x1, y1] = ends[edge]!;
    index.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
  }
  index.finish();

  return {
    size: starts.length,
    snap(pointer, tolerance, project, unproject) {
      const at = project(pointer.lng, pointer.lat);
      const corners = [unproject(at.x - tolerance, at.y - tolerance), unproject(at.x + tolerance, at.y + tolerance)];
      const candidates = index.search(
        Math.min(corners[0]!.lng, corners[1]!.lng), Math.min(corners[0]!.lat, corners[1]!.lat),
        Math.max(corners[0]!.lng, corners[1]!.lng), Math.max(corners[0]!.lat, corners[1]!.lat),
      );
      let vertex: SnapResult | null = null;
      let edge: SnapResult | null = null;
      for (const candidate of candidates) {
        const start = starts[candidate]!;
        const end = ends[candidate]!;
        const a = project(start[0], start[1]);
        const b = project(end[0], end[1]);
        for (const [position, point] of [[start, a], [end, b]] as const) {
          const distance = Math.hypot(point.x - at.x, point.y - at.y);
          if (distance <= tolerance && (!vertex || distance < vertex.distance)) vertex = { kind: 'vertex', position, distance };
        }
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const t = Math.max(0, Math.min(1, ((at.x - a.x) * dx + (at.y - a.y) * dy) / (dx * dx + dy * dy)));
        const distance = Math.hypot(a.x + t * dx - at.x, a.y + t * dy - at.y);
        if (distance <= tolerance && (!edge || distance < edge.distance)) {
          // Interpolated in longitude/latitude: the point lies on the stored edge, not on its projection.
          const position: LngLat = [start[0] + t * (end[0] - start[0]), start[1] + t * (end[1] - start[1])];
          edge = { kind: 'edge', position, distance };
        }
      }
      return vertex ?? edge;
    },
  };
}
