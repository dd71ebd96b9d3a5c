import type { MultiPolygon } from '../schemas/geojson.schema.js';
import { assertIndex, checkedEdit } from './checked-edit.js';
import { EDIT_FAULTS, type GeometryEdit } from './edit-faults.js';

/**
 * Removes one part of a parcel. Refused (`last_part`) for its only part: that is deleting the parcel.
 * Throws RangeError when there is no such part.
 *
 * @example
 * const edit = removePart(parcel.geometry, clickedPart);
 */
export function removePart(geometry: MultiPolygon, partIndex: number): GeometryEdit {
  assertIndex(geometry.coordinates, partIndex, 'part');
  if (geometry.coordinates.length === 1) {
    return { kind: 'invalid', reason: EDIT_FAULTS.lastPart, message: 'This is the parcel’s only polygon: delete the parcel instead.' };
  }
  return checkedEdit(geometry.coordinates.filter((_, index) => index !== partIndex));
}
