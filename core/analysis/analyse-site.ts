import { geodesicArea } from '../geometry/geodesic-area.js';
import { DEFAULT_TOLERANCE_M2 } from '../schemas/site.schema.js';
import type { AnalysisInput } from './analysis-input.js';
import type { SiteAnalysis } from './analysis-result.js';
import { assembleAnalysis } from './assemble-analysis.js';
import { findGaps } from './find-gaps.js';
import { findOverflow } from './find-overflow.js';
import { findOverlaps } from './find-overlaps.js';
import { outdoorSpace } from './outdoor-space.js';
import { selectBuildings } from './select-buildings.js';
import { selectParcels } from './select-parcels.js';

/** Gaps, overlaps, overflow and coverage of one site at one phase for one service (docs/analysis.md, "Definitions"). @example analyseSite({ perimeter, tolerance: 1, buildings, parcels }, 0, 'nettoiement').coverage */
export function analyseSite(input: AnalysisInput, phase: number, service: string): SiteAnalysis {
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE_M2;
  const outdoor = outdoorSpace(input.perimeter, selectBuildings(input.buildings, phase));
  const parcels = selectParcels(input.parcels, phase, service);
  return assembleAnalysis(
    geodesicArea(outdoor),
    findGaps(outdoor, parcels, tolerance),
    findOverlaps(parcels, tolerance),
    findOverflow(parcels, input.perimeter, tolerance),
  );
}
