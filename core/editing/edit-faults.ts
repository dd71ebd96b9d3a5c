import type { GeometryFaultCode } from '../geometry/geometry-faults.js';
import type { MultiPolygon, Position } from '../schemas/geojson.schema.js';

/** Stable codes for every reason an editing gesture is refused; the UI translates them. */
export const EDIT_FAULTS = {
  lineTooShort: 'line_too_short',
  lineSelfIntersects: 'line_self_intersects',
  lineEndsInside: 'line_ends_inside',
  lineDoesNotCross: 'line_does_not_cross',
  pieceTooSmall: 'piece_too_small',
  holeOutsideParts: 'hole_outside_parts',
  lastPart: 'last_part',
} as const;

export type EditFaultCode = (typeof EDIT_FAULTS)[keyof typeof EDIT_FAULTS];

/**
 * A refused gesture: a stable reason (from EDIT_FAULTS, or from GEOMETRY_FAULTS when the edited
 * shape fails validateAreaGeometry), a message, and where on the map when the fault has a place.
 */
export interface EditRefusal {
  kind: 'invalid';
  reason: EditFaultCode | GeometryFaultCode;
  message: string;
  location?: Position;
}

/** The outcome of a part or hole edit: the new geometry, validated and normalised, or why not. */
export type GeometryEdit = { kind: 'edited'; geometry: MultiPolygon } | EditRefusal;
