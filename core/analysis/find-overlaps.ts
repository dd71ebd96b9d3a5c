import Flatbush from 'flatbush';
import type { AnalysisParcel } from './analysis-input.js';
import type { OverlapFeature } from './analysis-result.js';
import { compareByArea } from './compare-by-area.js';
import { geometryBounds } from './geometry-bounds.js';
import { overlapOfPair } from './overlap-of-pair.js';

/** Every pair of parcels sharing at least `tolerance` m², found through an R-tree of their boxes, largest first. @example findOverlaps(selectParcels(parcels, 0, 'nettoiement'), 1) */
export function findOverlaps(parcels: readonly AnalysisParcel[], tolerance: number): OverlapFeature[] {
  if (parcels.length < 2) return [];
  const bounds = parcels.map((parcel) => geometryBounds(parcel.geometry.coordinates));
  const index = new Flatbush(parcels.length);
  for (const { minX, minY, maxX, maxY } of bounds) index.add(minX, minY, maxX, maxY);
  index.finish();
  const overlaps: OverlapFeature[] = [];
  bounds.forEach(({ minX, minY, maxX, maxY }, first) => {
    for (const second of index.search(minX, minY, maxX, maxY, (candidate) => candidate > first)) {
      const overlap = overlapOfPair(parcels[first] as AnalysisParcel, parcels[second] as AnalysisParcel, tolerance);
      if (overlap !== null) overlaps.push(overlap);
    }
  });
  return overlaps.sort(compareByArea);
}
