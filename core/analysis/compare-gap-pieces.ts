import type { Piece } from './split-pieces.js';

/** Orders gap pieces largest first, then west to east and south to north; gap ids are ranks in this order. @example pieces.sort(compareGapPieces) */
export function compareGapPieces(first: Piece, second: Piece): number {
  return second.area - first.area || first.bounds.minX - second.bounds.minX || first.bounds.minY - second.bounds.minY;
}
