import type { GapFeature } from './analysis-result.js';
import { compareGapPieces } from './compare-gap-pieces.js';
import { gapFeature } from './gap-feature.js';
import type { Piece } from './split-pieces.js';

/** Keeps the gap pieces of at least `tolerance` m², largest first, named gap-1, gap-2… @example numberGaps(splitPieces(gapCoordinates), 1) */
export function numberGaps(pieces: readonly Piece[], tolerance: number): GapFeature[] {
  return pieces
    .filter((piece) => piece.area >= tolerance)
    .sort(compareGapPieces)
    .map((piece, rank) => gapFeature(piece, rank));
}
