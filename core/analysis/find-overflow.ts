import type { MultiPolygon } from '../schemas/geojson.schema.js';
import type { AnalysisParcel } from './analysis-input.js';
import type { OverflowFeature } from './analysis-result.js';
import { compareByArea } from './compare-by-area.js';
import { overflowOfParcel } from './overflow-of-parcel.js';
import { createPerimeterIndex } from './perimeter-index.js';

/** The parts of parcels drawn past the perimeter, one feature per parcel of at least `tolerance` m², largest first. @example findOverflow(selectParcels(parcels, 0, 'nettoiement'), site.perimeter, 1) */
export function findOverflow(parcels: readonly AnalysisParcel[], perimeter: MultiPolygon, tolerance: number): OverflowFeature[] {
  const index = createPerimeterIndex(perimeter);
  const overflow: OverflowFeature[] = [];
  for (const parcel of parcels) {
    const piece = overflowOfParcel(parcel, index, tolerance);
    if (piece !== null) overflow.push(piece);
  }
  return overflow.sort(compareByArea);
}
