import type { GapFeature, OverflowFeature, OverlapFeature, SiteAnalysis } from './analysis-result.js';
import { coverage } from './coverage.js';

/** Builds a SiteAnalysis from sorted pieces, summing their areas in list order. @example assembleAnalysis(outdoorArea, gaps, overlaps, overflow) */
export function assembleAnalysis(
  outdoorArea: number,
  gaps: GapFeature[],
  overlaps: OverlapFeature[],
  overflow: OverflowFeature[],
): SiteAnalysis {
  const gapArea = sumAreas(gaps);
  return {
    outdoorArea,
    gapArea,
    overlapArea: sumAreas(overlaps),
    overflowArea: sumAreas(overflow),
    coverage: coverage(gapArea, outdoorArea),
    gaps: { type: 'FeatureCollection', features: gaps },
    overlaps: { type: 'FeatureCollection', features: overlaps },
    overflow: { type: 'FeatureCollection', features: overflow },
  };
}

function sumAreas(features: ReadonlyArray<{ properties: { area: number } }>): number {
  return features.reduce((total, feature) => total + feature.properties.area, 0);
}
