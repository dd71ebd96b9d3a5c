import { intersection } from '../geometry/polygon-clipping.js';
import type { Bounds } from '../geometry/for-each-overlapping-pair.js';
import type { Position } from '../schemas/geojson.schema.js';
import type { AnalysisIndexState } from './analysis-index.js';
import { findGapPieces } from './find-gap-pieces.js';
import { interiorsMayMeet } from './interiors-may-meet.js';
import { placeBoxInPerimeter } from './place-box-in-perimeter.js';
import type { Piece } from './split-pieces.js';

/**
 * The gap pieces inside an area given as possibly overlapping polygons: (area ∩ perimeter) − buildings − parcels.
 * Only the buildings and parcels that may share interior with the area take part in the clipping.
 * @example gapPiecesWithin(index.state, [...parcelBefore.geometry.coordinates], geometryBounds(parcelBefore.geometry.coordinates))
 */
export function gapPiecesWithin(state: AnalysisIndexState, area: Position[][][], bounds: Bounds): Piece[] {
  if (area.length === 0) return [];
  const place = placeBoxInPerimeter(state.perimeter, bounds);
  if (place === 'outside') return [];
  const inside = place === 'inside' ? area : intersection(state.perimeter.perimeter.coordinates, area);
  const buildingPositions = state.buildingTree?.search(bounds.minX, bounds.minY, bounds.maxX, bounds.maxY) ?? [];
  const candidates = [
    ...buildingPositions.map((position) => state.buildings[position]?.geometry.coordinates as Position[][][]),
    ...state.parcels.search(bounds).map((parcel) => parcel.geometry.coordinates),
  ];
  return findGapPieces(inside, candidates.filter((cover) => interiorsMayMeet(cover, area)));
}
