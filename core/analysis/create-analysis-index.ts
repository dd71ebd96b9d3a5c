import Flatbush from 'flatbush';
import { geodesicArea } from '../geometry/geodesic-area.js';
import { DEFAULT_TOLERANCE_M2 } from '../schemas/site.schema.js';
import type { AnalysisInput } from './analysis-input.js';
import type { AnalysisIndex, AnalysisIndexState } from './analysis-index.js';
import type { OverflowFeature } from './analysis-result.js';
import { assembleAnalysis } from './assemble-analysis.js';
import { compareByArea } from './compare-by-area.js';
import { compareGapPieces } from './compare-gap-pieces.js';
import { findGapPieces } from './find-gap-pieces.js';
import { findOverlaps } from './find-overlaps.js';
import { gapFeature } from './gap-feature.js';
import { geometryBounds } from './geometry-bounds.js';
import { outdoorSpace } from './outdoor-space.js';
import { overflowOfParcel } from './overflow-of-parcel.js';
import { ParcelSpatialIndex } from './parcel-spatial-index.js';
import { createPerimeterIndex } from './perimeter-index.js';
import { selectBuildings } from './select-buildings.js';
import { selectParcels } from './select-parcels.js';

/** Analyses a site once and keeps what checkEdit needs to follow edits. @example let index = createAnalysisIndex(input, 0, 'nettoiement') */
export function createAnalysisIndex(input: AnalysisInput, phase: number, service: string): AnalysisIndex {
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE_M2;
  const buildings = selectBuildings(input.buildings, phase);
  const outdoor = outdoorSpace(input.perimeter, buildings);
  const parcels = selectParcels(input.parcels, phase, service);
  const perimeter = createPerimeterIndex(input.perimeter);
  const gapPieces = findGapPieces(outdoor.coordinates, parcels.map((parcel) => parcel.geometry.coordinates));
  const overlaps = findOverlaps(parcels, tolerance);
  const overflow = parcels
    .map((parcel) => overflowOfParcel(parcel, perimeter, tolerance))
    .filter((piece): piece is OverflowFeature => piece !== null)
    .sort(compareByArea);
  const state: AnalysisIndexState = {
    phase,
    service,
    tolerance,
    perimeter,
    buildings,
    buildingTree: buildingTree(buildings),
    outdoorArea: geodesicArea(outdoor),
    parcels: new ParcelSpatialIndex(parcels),
    gapPieces: new Set(gapPieces),
    keptGaps: gapPieces.filter((piece) => piece.area >= tolerance).sort(compareGapPieces),
    overlaps: new Map(overlaps.map((overlap) => [overlap.id as string, overlap])),
    overlapIdsByParcel: new Map(),
    overflow: new Map(overflow.map((piece) => [piece.id as string, piece])),
    generation: 0,
  };
  for (const overlap of overlaps) {
    for (const parcelId of overlap.properties.parcelIds) {
      const ids = state.overlapIdsByParcel.get(parcelId) ?? new Set<string>();
      ids.add(overlap.id as string);
      state.overlapIdsByParcel.set(parcelId, ids);
    }
  }
  const gaps = state.keptGaps.map((piece, rank) => gapFeature(piece, rank));
  return { phase, service, analysis: assembleAnalysis(state.outdoorArea, gaps, overlaps, overflow), generation: 0, state };
}

function buildingTree(buildings: AnalysisInput['buildings']): Flatbush | null {
  if (buildings.length === 0) return null;
  const tree = new Flatbush(buildings.length);
  for (const building of buildings) {
    const { minX, minY, maxX, maxY } = geometryBounds(building.geometry.coordinates);
    tree.add(minX, minY, maxX, maxY);
  }
  tree.finish();
  return tree;
}
