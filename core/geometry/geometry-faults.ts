/** Stable codes for every reason an area geometry is refused; the UI translates them. */
export const GEOMETRY_FAULTS = {
  unsupportedGeometryType: 'unsupported_geometry_type',
  crsNotAllowed: 'crs_not_allowed',
  unknownMember: 'unknown_member',
  invalidBbox: 'invalid_bbox',
  invalidCoordinates: 'invalid_coordinates',
  emptyGeometry: 'empty_geometry',
  coordinateNotANumber: 'coordinate_not_a_number',
  coordinateDimension: 'coordinate_dimension',
  coordinateOutOfRange: 'coordinate_out_of_range',
  projectedCoordinates: 'projected_coordinates',
  tooManyVertices: 'too_many_vertices',
  ringNotClosed: 'ring_not_closed',
  ringTooShort: 'ring_too_short',
  selfIntersection: 'self_intersection',
  holeOutsideShell: 'hole_outside_shell',
  holeCrossesShell: 'hole_crosses_shell',
  nestedHoles: 'nested_holes',
  holesOverlap: 'holes_overlap',
  disconnectedInterior: 'disconnected_interior',
  polygonsOverlap: 'polygons_overlap',
  polygonsShareEdge: 'polygons_share_edge',
  zeroArea: 'zero_area',
  areaTooSmall: 'area_too_small',
} as const;

export type GeometryFaultCode = (typeof GEOMETRY_FAULTS)[keyof typeof GEOMETRY_FAULTS];

/** Why a geometry was refused, where in its coordinates, and where on the map when that is known. */
export interface GeometryFault {
  valid: false;
  reason: GeometryFaultCode;
  message: string;
  path: string;
  location?: [number, number];
}
