import type Flatbush from 'flatbush';
import type { AnalysisBuilding } from './analysis-input.js';
import type { GapFeature, OverflowFeature, OverlapFeature, SiteAnalysis } from './analysis-result.js';
import type { ParcelSpatialIndex } from './parcel-spatial-index.js';
import type { PerimeterIndex } from './perimeter-index.js';
import type { Piece } from './split-pieces.js';

/** What the live check keeps between edits; owned by one AnalysisIndex generation at a time. */
export interface AnalysisIndexState {
  phase: number;
  service: string;
  tolerance: number;
  perimeter: PerimeterIndex;
  buildings: AnalysisBuilding[];
  buildingTree: Flatbush | null;
  outdoorArea: number;
  parcels: ParcelSpatialIndex;
  /** Every gap piece, those under the tolerance included: an edit may join a sliver to a larger gap. */
  gapPieces: Set<Piece>;
  /** The pieces of at least the tolerance, in gap-id order (rank i is gap-(i + 1)). */
  keptGaps: Piece[];
  overlaps: Map<string, OverlapFeature>;
  overlapIdsByParcel: Map<string, Set<string>>;
  overflow: Map<string, OverflowFeature>;
  generation: number;
}

/** A reusable index of one site, phase and service for checking edits live; each checkEdit returns the next one. */
export interface AnalysisIndex {
  readonly phase: number;
  readonly service: string;
  /** The analysis as of this index, equal to a full analyseSite. */
  readonly analysis: SiteAnalysis;
  readonly generation: number;
  /** @internal shared with the indexes that follow; only the newest generation may be used. */
  readonly state: AnalysisIndexState;
}

/** What one edit changed, as a patch by feature id: drop the removed ids, then add the added features. */
export interface EditChanges {
  gapsRemoved: string[];
  gapsAdded: GapFeature[];
  overlapsRemoved: string[];
  overlapsAdded: OverlapFeature[];
  overflowRemoved: string[];
  overflowAdded: OverflowFeature[];
}

export interface EditCheck {
  index: AnalysisIndex;
  changed: EditChanges;
  analysis: SiteAnalysis;
}
