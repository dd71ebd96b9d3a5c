import type { MultiPolygon } from '../schemas/geojson.schema.js';
import type { AnalysisParcel } from './analysis-input.js';
import type { GapFeature } from './analysis-result.js';
import { findGapPieces } from './find-gap-pieces.js';
import { numberGaps } from './number-gaps.js';

/** The gaps: outdoor space no parcel covers, one feature per connected piece of at least `tolerance` m², largest first. @example findGaps(outdoorSpace(perimeter, buildings), selectParcels(parcels, 0, 'nettoiement'), 1) */
export function findGaps(outdoor: MultiPolygon, parcels: readonly AnalysisParcel[], tolerance: number): GapFeature[] {
  return numberGaps(findGapPieces(outdoor.coordinates, parcels.map((parcel) => parcel.geometry.coordinates)), tolerance);
}
