import type { AreaGeometryOptions } from '../geometry/validate-area-geometry.js';
import type { MultiPolygon, Polygon } from '../schemas/geojson.schema.js';
import { assertIndex, checkedEdit } from './checked-edit.js';
import type { GeometryEdit } from './edit-faults.js';

/**
 * Puts back into a parcel the part the editor reshaped on its own (terra-draw edits one Polygon at a
 * time), then validates and normalises the whole (a reshaped part may now overlap another: refused
 * with GEOMETRY_FAULTS' reason). Throws RangeError when there is no such part.
 *
 * @example
 * const edit = replacePolygonPart(parcel.geometry, 1, drawnPolygon);
 * if (edit.kind === 'edited') save(edit.geometry);
 */
export function replacePolygonPart(geometry: MultiPolygon, partIndex: number, polygon: Polygon, options: AreaGeometryOptions = {}): GeometryEdit {
  assertIndex(geometry.coordinates, partIndex, 'part');
  const coordinates = geometry.coordinates.map((rings, index) => (index === partIndex ? polygon.coordinates : rings));
  return checkedEdit(coordinates, options);
}
