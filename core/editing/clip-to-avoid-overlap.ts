import { difference, intersection } from '../geometry/polygon-clipping.js';
import { boundsMeet } from '../geometry/bounds-meet.js';
import { geometryBounds } from '../analysis/geometry-bounds.js';
import { dropSmallPolygons } from '../geometry/drop-small-polygons.js';
import type { MultiPolygon } from '../schemas/geojson.schema.js';
import type { VertexInsertion } from './editable-parcel.js';
import { createdVertices, findEdgeInsertions } from './find-edge-insertions.js';
import { normaliseClipResult } from './normalise-clip-result.js';
import { restoreVertices } from './restore-vertices.js';

/** A drawn or reshaped parcel once the neighbours it overlapped were taken out of it. */
export interface AvoidOverlapResult {
  /** Null when nothing is left (the shape lay under its neighbours, or only slivers remained). */
  geometry: MultiPolygon | null;
  /** Whether the shape overlapped a neighbour and was cut; when false, `geometry` is the input itself. */
  clipped: boolean;
  /** How many pieces under `minArea` were dropped after the cut. */
  droppedSlivers: number;
  /** Where the cut outline meets a neighbour's edge mid-way: to add to the neighbours (insertSharedVertices). */
  newVertices: VertexInsertion[];
}

/**
 * Takes out of a drawn parcel every neighbour it overlaps, so that drawing roughly over a gap gives a
 * parcel that fits it exactly: along a neighbour, the result runs on that neighbour's own vertices and
 * edges (Turf difference, with the vertices polyclip-ts under it drops as collinear put back), and where its
 * outline meets a neighbour's edge mid-way, `newVertices` lets the neighbours get that vertex too.
 * Only neighbours whose box meets the parcel's are tried. Pieces under `minArea` m² (geodesic, the
 * site's tolerance) are dropped. With no overlap the input is returned as it is, not re-noded. The
 * result is normalised like subtractArea's; the caller still validates it (validateAreaGeometry).
 *
 * @example
 * const { geometry, newVertices } = clipToAvoidOverlap(drawn, neighbours.map((parcel) => parcel.geometry), site.tolerance);
 */
export function clipToAvoidOverlap(geometry: MultiPolygon, others: readonly MultiPolygon[], minArea: number): AvoidOverlapResult {
  const bounds = geometryBounds(geometry.coordinates);
  const near = others.filter((other) => boundsMeet(bounds, geometryBounds(other.coordinates)));
  const overlapped = near.filter((other) => intersection(geometry.coordinates, other.coordinates).length > 0);
  if (overlapped.length === 0) return { geometry, clipped: false, droppedSlivers: 0, newVertices: [] };
  // Noded with each other first, so that an edge one side carries with an extra vertex is the same edge.
  const sources = [geometry, ...overlapped];
  const cut = normaliseClipResult(
    difference(restoreVertices(geometry.coordinates, overlapped), ...overlapped.map((other) => restoreVertices(other.coordinates, [geometry]))),
    sources,
  );
  if (cut === null) return { geometry: null, clipped: true, droppedSlivers: 0, newVertices: [] };
  const { geometry: kept, dropped } = dropSmallPolygons(cut, minArea);
  const newVertices = kept === null ? [] : findEdgeInsertions(createdVertices([kept], [geometry, ...near]), near);
  return { geometry: kept, clipped: true, droppedSlivers: dropped, newVertices };
}
