import { union } from '../geometry/polygon-clipping.js';
import { geodesicArea } from '../geometry/geodesic-area.js';
import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';
import { normaliseClipResult } from './normalise-clip-result.js';
import { restoreVertices } from './restore-vertices.js';

export interface MergeOptions {
  /**
   * Keep the input vertices that end up straight between their neighbours on the merged outline,
   * such as the two ends of the dissolved edge (default true): they may be corners of the parcels
   * around, and keeping them keeps those parcels joined to the merged one when a shared vertex
   * moves. False returns the clipped outline as Turf gives it, with every such vertex dropped.
   */
  keepCollinearVertices?: boolean;
}

/**
 * Holes under this area (m², a 1 cm × 1 cm square) are filled: they are the float-noise slivers left
 * between parcels that looked joined, never a real pit, which at the data's 1 cm precision is larger.
 */
export const MERGE_SLIVER_HOLE_M2 = 1e-4;

/**
 * The union of parcels (Turf union), normalised like subtractArea's output: parcels sharing edges
 * become one polygon, the shared edges and their inner vertices gone; disjoint ones stay separate
 * parts of one MultiPolygon. See MergeOptions for the vertices left straight on the outline.
 *
 * @example
 * const merged = mergeParcels(selected.map((parcel) => parcel.geometry));
 */
export function mergeParcels(geometries: readonly MultiPolygon[], options: MergeOptions = {}): MultiPolygon {
  if (geometries.length === 0) throw new RangeError('mergeParcels needs at least one geometry.');
  // Noded with each other first: an edge one parcel carries with an extra vertex (a neighbour's split
  // crossing, off the edge by rounding) must dissolve like an exactly shared one.
  const noded = geometries.map((geometry) => restoreVertices(geometry.coordinates, geometries));
  const merged = normaliseClipResult(union(noded[0]!, ...noded.slice(1)), options.keepCollinearVertices === false ? [] : geometries);
  if (merged === null) throw new RangeError('mergeParcels was given geometries without area.');
  return { type: 'MultiPolygon', coordinates: merged.coordinates.map(fillSliverHoles) };
}

function fillSliverHoles(rings: Position[][]): Position[][] {
  const [exterior, ...holes] = rings as [Position[], ...Position[][]];
  return [exterior, ...holes.filter((hole) => geodesicArea({ type: 'Polygon', coordinates: [hole] }) >= MERGE_SLIVER_HOLE_M2)];
}
