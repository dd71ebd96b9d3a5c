import type { GapFeature } from './analysis-result.js';
import type { Piece } from './split-pieces.js';

/** The feature of the gap piece at a rank (0 = the largest gap, id gap-1). @example gapFeature(piece, 0).id // 'gap-1' */
export function gapFeature(piece: Piece, rank: number): GapFeature {
  return {
    type: 'Feature',
    id: `gap-${rank + 1}`,
    geometry: { type: 'MultiPolygon', coordinates: [piece.rings] },
    properties: { area: piece.area },
  };
}
