import type { AreaGeometryOptions } from '../geometry/validate-area-geometry.js';
import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';
import { checkedEdit } from './checked-edit.js';
import { EDIT_FAULTS, type GeometryEdit } from './edit-faults.js';
import { placeInPolygon } from '../geometry/place-in-polygon.js';
import { closeRing } from '../geometry/close-ring.js';

/**
 * Cuts a drawn ring out of the parcel part it lies in, as a hole (a building's footprint, a pit the
 * parcel's manager does not keep). Its vertices must all lie in one part (on its edge allowed), or it
 * is refused with `hole_outside_parts`; then the whole is validated, so a hole crossing the part's
 * edge or an existing hole is refused with GEOMETRY_FAULTS' reason. The ring may be open or closed,
 * either way round: it is closed and oriented clockwise.
 *
 * @example
 * const edit = addHole(parcel.geometry, drawnPolygon.coordinates[0], { minArea: site.tolerance });
 */
export function addHole(geometry: MultiPolygon, hole: readonly Position[], options: AreaGeometryOptions = {}): GeometryEdit {
  const ring = closeRing(hole);
  const partIndex = geometry.coordinates.findIndex((rings) => {
    const places = ring.map((position) => placeInPolygon(position, rings));
    return places.includes('inside') && !places.includes('outside');
  });
  if (partIndex === -1) {
    const message = 'The hole must lie inside one polygon of the parcel: draw it within the parcel.';
    return { kind: 'invalid', reason: EDIT_FAULTS.holeOutsideParts, message, ...(ring[0] ? { location: ring[0] } : {}) };
  }
  return checkedEdit(
    geometry.coordinates.map((rings, index) => (index === partIndex ? [...rings, ring] : rings)),
    options,
  );
}
