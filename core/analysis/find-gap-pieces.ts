import { difference } from '../geometry/polygon-clipping.js';
import type { Position } from '../schemas/geojson.schema.js';
import { splitPieces, type Piece } from './split-pieces.js';

/** Every connected piece of `area` that none of `covers` covers, tolerance not applied. @example findGapPieces(outdoor.coordinates, parcels.map((parcel) => parcel.geometry.coordinates)) */
export function findGapPieces(area: Position[][][], covers: readonly Position[][][][]): Piece[] {
  if (area.length === 0) return [];
  return splitPieces(difference(area, ...covers));
}
