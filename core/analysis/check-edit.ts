import type { Bounds } from '../geometry/for-each-overlapping-pair.js';
import type { Position } from '../schemas/geojson.schema.js';
import type { AnalysisParcel } from './analysis-input.js';
import type { AnalysisIndex, AnalysisIndexState, EditChanges, EditCheck } from './analysis-index.js';
import type { GapFeature, OverlapFeature } from './analysis-result.js';
import { applyEditChanges } from './apply-edit-changes.js';
import { boundsMeet } from '../geometry/bounds-meet.js';
import { compareGapPieces } from './compare-gap-pieces.js';
import { coversAt } from './covers-at.js';
import { gapFeature } from './gap-feature.js';
import { gapPiecesWithin } from './gap-pieces-within.js';
import { geometryBounds } from './geometry-bounds.js';
import { insertSorted } from './insert-sorted.js';
import { overflowOfParcel } from './overflow-of-parcel.js';
import { overlapOfPair } from './overlap-of-pair.js';
import type { Piece } from './split-pieces.js';

/** One parcel change: before null for a creation, after null for a deletion. */
export interface ParcelEdit {
  before: AnalysisParcel | null;
  after: AnalysisParcel | null;
}

/**
 * Applies one parcel edit (create: before null; delete: after null) to an index, recomputing only the edited
 * parcel's neighbourhood, and returns the next index, the patch and the analysis (equal to a full analyseSite).
 * The index passed in becomes stale: using it again throws.
 * @example const { index: next, changed } = checkEdit(index, parcelBefore, parcelAfter)
 */
export function checkEdit(index: AnalysisIndex, before: AnalysisParcel | null, after: AnalysisParcel | null): EditCheck {
  return checkEdits(index, [{ before, after }]);
}

/**
 * Applies the parcel edits of one gesture together (moving a shared vertex reshapes every parcel that has it):
 * as checkEdit, but the overlaps and gaps are computed once, for the parcels as they are after all the edits,
 * never for the half-done states in between. One patch for the whole gesture.
 * @example const { index: next } = checkEdits(index, [{ before: west, after: westMoved }, { before: east, after: eastMoved }])
 */
export function checkEdits(index: AnalysisIndex, edits: readonly ParcelEdit[]): EditCheck {
  const { state } = index;
  if (index.generation !== state.generation) {
    throw new Error('checkEdit: this AnalysisIndex is stale; pass the index returned by the previous checkEdit');
  }
  // The last edit of a parcel wins, as if the edits were applied one after the other.
  const afterById = new Map<string, AnalysisParcel | null>();
  for (const { before, after } of edits) {
    if (before !== null) afterById.set(before.id, null);
    if (after !== null) afterById.set(after.id, after);
  }
  const relevantAfters = [...afterById.values()].filter((after): after is AnalysisParcel => after !== null && coversAt(after, state.phase, state.service));
  const replaced = [...afterById.keys()].flatMap((id) => {
    const stored = state.parcels.get(id);
    return stored === undefined ? [] : [stored];
  });
  const changed: EditChanges = {
    gapsRemoved: [],
    gapsAdded: [],
    overlapsRemoved: [],
    overlapsAdded: [],
    overflowRemoved: [],
    overflowAdded: [],
  };
  const touched = [...replaced, ...relevantAfters];
  if (touched.length === 0) return { index, changed, analysis: index.analysis };

  for (const parcel of replaced) removeParcel(state, parcel.id, changed);
  for (const parcel of relevantAfters) addParcel(state, parcel, changed);
  const edited = touched.map((parcel) => geometryBounds(parcel.geometry.coordinates)).reduce(union);
  refreshGaps(state, index.analysis.gaps.features, replaced, edited, changed);
  const analysis = applyEditChanges(index.analysis, changed);
  state.generation += 1;
  return { index: { phase: state.phase, service: state.service, analysis, generation: state.generation, state }, changed, analysis };
}

function removeParcel(state: AnalysisIndexState, parcelId: string, changed: EditChanges): void {
  state.parcels.delete(parcelId);
  for (const overlapId of state.overlapIdsByParcel.get(parcelId) ?? []) {
    const overlap = state.overlaps.get(overlapId) as OverlapFeature;
    state.overlaps.delete(overlapId);
    const [firstId, secondId] = overlap.properties.parcelIds;
    state.overlapIdsByParcel.get(firstId === parcelId ? secondId : firstId)?.delete(overlapId);
    changed.overlapsRemoved.push(overlapId);
  }
  state.overlapIdsByParcel.delete(parcelId);
  const overflowId = `overflow-${parcelId}`;
  if (state.overflow.delete(overflowId)) changed.overflowRemoved.push(overflowId);
}

function addParcel(state: AnalysisIndexState, parcel: AnalysisParcel, changed: EditChanges): void {
  const ownIds = new Set<string>();
  for (const neighbour of state.parcels.search(geometryBounds(parcel.geometry.coordinates))) {
    const overlap = overlapOfPair(parcel, neighbour, state.tolerance);
    if (overlap === null) continue;
    const overlapId = overlap.id as string;
    state.overlaps.set(overlapId, overlap);
    ownIds.add(overlapId);
    const neighbourIds = state.overlapIdsByParcel.get(neighbour.id) ?? new Set<string>();
    neighbourIds.add(overlapId);
    state.overlapIdsByParcel.set(neighbour.id, neighbourIds);
    changed.overlapsAdded.push(overlap);
  }
  state.overlapIdsByParcel.set(parcel.id, ownIds);
  state.parcels.set(parcel);
  const overflow = overflowOfParcel(parcel, state.perimeter, state.tolerance);
  if (overflow !== null) {
    state.overflow.set(overflow.id as string, overflow);
    changed.overflowAdded.push(overflow);
  }
}

/**
 * Recomputes the gaps where they may have changed: the ground the edited parcel left, plus the box of every gap
 * piece (slivers under the tolerance included) near the edit, caught until no piece straddles a caught box, so that
 * every piece comes out whole and pieces joined by the edit come out as one. Boxes, not the old pieces themselves:
 * their vertices were rounded and would leave hairline seams against the parcels. Adds the renumbered gaps to the patch.
 */
function refreshGaps(state: AnalysisIndexState, previous: GapFeature[], left: AnalysisParcel[], edited: Bounds, changed: EditChanges): void {
  const caught = new Set<Piece>();
  const area: Position[][][] = left.flatMap((parcel) => parcel.geometry.coordinates);
  let region: Bounds | null = left.length === 0 ? null : left.map((parcel) => geometryBounds(parcel.geometry.coordinates)).reduce(union);
  let boxes: Bounds[] = [edited];
  while (boxes.length > 0) {
    const found: Bounds[] = [];
    for (const piece of state.gapPieces) {
      if (caught.has(piece) || !boxes.some((box) => boundsMeet(piece.bounds, box))) continue;
      caught.add(piece);
      area.push([boxRing(piece.bounds)]);
      region = region === null ? piece.bounds : union(region, piece.bounds);
      found.push(piece.bounds);
    }
    boxes = found;
  }
  for (const piece of caught) state.gapPieces.delete(piece);
  const kept = state.keptGaps.filter((piece) => !caught.has(piece));
  for (const piece of region === null ? [] : gapPiecesWithin(state, area, region)) {
    state.gapPieces.add(piece);
    if (piece.area >= state.tolerance) insertSorted(kept, piece, compareGapPieces);
  }
  // Gap ids are ranks, so a new large gap renames the smaller ones: the patch covers every rank whose piece changed.
  kept.forEach((piece, rank) => {
    const old = previous[rank];
    if (old !== undefined && state.keptGaps[rank] === piece) return;
    if (old !== undefined) changed.gapsRemoved.push(old.id as string);
    changed.gapsAdded.push(gapFeature(piece, rank));
  });
  for (const old of previous.slice(kept.length)) changed.gapsRemoved.push(old.id as string);
  state.keptGaps = kept;
}

function union(first: Bounds, second: Bounds): Bounds {
  return {
    minX: Math.min(first.minX, second.minX),
    minY: Math.min(first.minY, second.minY),
    maxX: Math.max(first.maxX, second.maxX),
    maxY: Math.max(first.maxY, second.maxY),
  };
}

function boxRing({ minX, minY, maxX, maxY }: Bounds): Position[] {
  return [[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY], [minX, minY]];
}
