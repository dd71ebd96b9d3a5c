import type { EditChanges } from './analysis-index.js';
import type { GapFeature, SiteAnalysis } from './analysis-result.js';
import { assembleAnalysis } from './assemble-analysis.js';
import { compareByArea } from './compare-by-area.js';
import { insertSorted } from './insert-sorted.js';

/**
 * The analysis after one checkEdit, from the analysis before it and the edit's patch (what a
 * worker sends instead of the whole analysis). A list the edit left alone keeps its identity, and
 * every list keeps the features it kept, so that a map or a panel redraws only what changed.
 * @example const next = applyEditChanges(previous, checkEdit(index, before, after).changed)
 */
export function applyEditChanges(analysis: SiteAnalysis, changed: EditChanges): SiteAnalysis {
  const gaps = patchList(analysis.gaps.features, changed.gapsRemoved, changed.gapsAdded, compareGapRanks);
  const overlaps = patchList(analysis.overlaps.features, changed.overlapsRemoved, changed.overlapsAdded, compareByArea);
  const overflow = patchList(analysis.overflow.features, changed.overflowRemoved, changed.overflowAdded, compareByArea);
  if (gaps === analysis.gaps.features && overlaps === analysis.overlaps.features && overflow === analysis.overflow.features) return analysis;
  const next = assembleAnalysis(analysis.outdoorArea, gaps, overlaps, overflow);
  return {
    ...next,
    gaps: gaps === analysis.gaps.features ? analysis.gaps : next.gaps,
    overlaps: overlaps === analysis.overlaps.features ? analysis.overlaps : next.overlaps,
    overflow: overflow === analysis.overflow.features ? analysis.overflow : next.overflow,
  };
}

/** The list without the removed ids, with the added features in order; the same list when nothing changed. */
function patchList<F extends { id?: string | number }>(list: F[], removed: string[], added: F[], compare: (first: F, second: F) => number): F[] {
  if (removed.length === 0 && added.length === 0) return list;
  const removedIds = new Set(removed);
  const patched = removedIds.size === 0 ? [...list] : list.filter((feature) => !removedIds.has(feature.id as string));
  for (const feature of added) insertSorted(patched, feature, compare);
  return patched;
}

/** Gaps are listed by rank, which their ids hold (`gap-1` is the largest; see gapFeature). */
function compareGapRanks(first: GapFeature, second: GapFeature): number {
  return gapRank(first) - gapRank(second);
}

function gapRank(gap: GapFeature): number {
  return Number(String(gap.id).slice('gap-'.length));
}
