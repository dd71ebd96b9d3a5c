import type { AreaGeometryOptions } from '../geometry/validate-area-geometry.js';
import type { MultiPolygon, Polygon } from '../schemas/geojson.schema.js';
import { checkedEdit } from './checked-edit.js';
import type { GeometryEdit } from './edit-faults.js';

/**
 * Adds a drawn polygon to a parcel as one more part, validated and normalised with the rest. A part
 * overlapping another or sharing an edge with it is refused (GEOMETRY_FAULTS): merge them instead.
 *
 * @example
 * const edit = addPart(parcel.geometry, drawnPolygon, { minArea: site.tolerance });
 */
export function addPart(geometry: MultiPolygon, polygon: Polygon, options: AreaGeometryOptions = {}): GeometryEdit {
  return checkedEdit([...geometry.coordinates, polygon.coordinates], options);
}
