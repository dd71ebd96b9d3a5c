import type { MultiPolygon } from '../schemas/geojson.schema.js';
import { assertIndex, checkedEdit } from './checked-edit.js';
import type { GeometryEdit } from './edit-faults.js';

/**
 * Fills a hole: removes ring `ringIndex` (1 for the first hole; 0 is the exterior) of a part.
 * Refused (polygons_overlap) when another part of the parcel lay in that hole. Throws RangeError
 * when there is no such part or hole.
 *
 * @example
 * const edit = removeHole(parcel.geometry, 0, 1);
 */
export function removeHole(geometry: MultiPolygon, partIndex: number, ringIndex: number): GeometryEdit {
  assertIndex(geometry.coordinates, partIndex, 'part');
  const rings = geometry.coordinates[partIndex]!;
  if (ringIndex === 0) throw new RangeError('Ring 0 is the exterior of the part, not a hole: use removePart.');
  assertIndex(rings, ringIndex, 'ring');
  return checkedEdit(geometry.coordinates.map((part, index) => (index === partIndex ? part.filter((_, ring) => ring !== ringIndex) : part)));
}
