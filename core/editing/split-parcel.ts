import { formatPosition } from '../geometry/fault-wording.js';
import { geodesicArea } from '../geometry/geodesic-area.js';
import { validateAreaGeometry } from '../geometry/validate-area-geometry.js';
import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';
import { assembleFaces } from './assemble-faces.js';
import { EDIT_FAULTS, type EditRefusal } from './edit-faults.js';
import type { VertexInsertion } from './editable-parcel.js';
import { createdVertices, findEdgeInsertions } from './find-edge-insertions.js';
import { findLineFault } from './find-line-fault.js';
import { nodePolygonWithLine } from './node-polygon-with-line.js';
import { placeInPolygon } from '../geometry/place-in-polygon.js';
import { samePosition } from '../geometry/same-position.js';
import { traceFaces } from './trace-faces.js';
import { formatFaultArea } from '../geometry/format-fault-area.js';

/**
 * The pieces of a split parcel, largest first, and the crossings to add to the neighbours'
 * shared edges (insertSharedVertices); or why the line cannot split it.
 */
export type SplitResult = { kind: 'split'; pieces: MultiPolygon[]; newVertices: VertexInsertion[] } | EditRefusal;

export interface SplitOptions {
  /** The site's tolerance in m²: a line cutting off a piece smaller than this is refused. Default 0. */
  minArea?: number;
}

/**
 * Splits a parcel along a drawn polyline whose ends lie outside the parcel or on its boundary, as
 * PostGIS `ST_Dump(ST_Split(parcel, line))`: each polygon of the result is a piece (a part the line
 * does not cut is a piece of its own), largest first. A line may cross many times, and through holes.
 * The pieces tile the parcel exactly: they keep every vertex of the parcel and share the new ones,
 * which appear only where the line crosses a ring or bends inside the parcel. Works on the planar
 * graph of the rings and the line (no boolean operation), with exact predicates for touching a vertex
 * and running along an edge. A crossing is a computed point, off the crossed edge by rounding (about
 * 1e-15 degrees): `newVertices` names the edges it lies on, so that the neighbours sharing them get
 * it too (insertSharedVertices) and stay exactly joined.
 *
 * Refused (kind 'invalid', reason from EDIT_FAULTS or GEOMETRY_FAULTS): a line with fewer than two
 * points, crossing or touching itself, ending strictly inside the parcel, cutting nothing off (not
 * crossing, only touching, or only reaching into a hole), or cutting off a piece under
 * `options.minArea`; an invalid parcel.
 *
 * @example
 * const result = splitParcel(parcel.geometry, drawnLine.coordinates);
 * if (result.kind === 'split') save(result.pieces, insertSharedVertices(neighbours, result.newVertices));
 */
export function splitParcel(geometry: MultiPolygon, line: readonly Position[], options: SplitOptions = {}): SplitResult {
  const checked = validateAreaGeometry(geometry);
  if (!checked.valid) {
    return { kind: 'invalid', reason: checked.reason, message: checked.message, ...(checked.location ? { location: checked.location } : {}) };
  }
  const path = line.filter((position, index) => index === 0 || !samePosition(position, line[index - 1] as Position));
  const lineFault = findLineFault(path);
  if (lineFault !== null) return lineFault;
  const endInside = [path[0] as Position, path[path.length - 1] as Position].find((end) =>
    checked.geometry.coordinates.some((rings) => placeInPolygon(end, rings) === 'inside'),
  );
  if (endInside !== undefined) {
    const message = `The line ends inside the parcel at ${formatPosition(endInside)}: start and end it outside the parcel or on its edge.`;
    return { kind: 'invalid', reason: EDIT_FAULTS.lineEndsInside, message, location: [endInside[0], endInside[1]] };
  }
  let cut = false;
  const polygons: Position[][][] = [];
  for (const rings of checked.geometry.coordinates) {
    const faces = traceFaces(nodePolygonWithLine(rings, path));
    if (faces === null) polygons.push(rings);
    else {
      cut = true;
      polygons.push(...assembleFaces(faces));
    }
  }
  if (!cut) {
    return { kind: 'invalid', reason: EDIT_FAULTS.lineDoesNotCross, message: 'The line does not cut the parcel: draw it across, from one side to the other.' };
  }
  const pieces = polygons.map((rings) => ({ rings, area: geodesicArea({ type: 'Polygon', coordinates: rings }) }));
  pieces.sort((first, second) => second.area - first.area);
  const smallest = pieces[pieces.length - 1]!;
  if (smallest.area < (options.minArea ?? 0)) {
    const message = `The line cuts off a piece of ${formatFaultArea(smallest.area)} m², under this site's minimum of ${formatFaultArea(options.minArea ?? 0)} m²: move it away from the corner or edge.`;
    return { kind: 'invalid', reason: EDIT_FAULTS.pieceTooSmall, message, location: copy(smallest.rings[0]![0]!) };
  }
  const split = pieces.map(({ rings }): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [rings] }));
  return { kind: 'split', pieces: split, newVertices: findEdgeInsertions(createdVertices(split, [geometry]), [geometry]) };
}

function copy(position: Position): Position {
  return [position[0], position[1]];
}
