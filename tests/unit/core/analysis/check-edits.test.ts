import { describe, expect, it } from 'vitest';
import { analyseSite } from '../../../../core/analysis/analyse-site.js';
import type { AnalysisParcel } from '../../../../core/analysis/analysis-input.js';
import type { SiteAnalysis } from '../../../../core/analysis/analysis-result.js';
import { applyEditChanges } from '../../../../core/analysis/apply-edit-changes.js';
import { checkEdit, checkEdits, type ParcelEdit } from '../../../../core/analysis/check-edit.js';
import { createAnalysisIndex } from '../../../../core/analysis/create-analysis-index.js';
import type { Position } from '../../../../core/schemas/geojson.schema.js';
import { generateTiling } from '../../../support/generate-tiling.js';
import { seededRandom } from '../../../support/seeded-random.js';
import { deepFreeze } from '../../../support/deep-freeze.js';

const SERVICE = 'nettoiement';
const cell = 0.01365 / 8;

// polyclip-ts may place a vertex a few centimetres apart depending on which segments share the sweep (see
// check-edit.test.ts): over seeds 5 to 8, these gestures checked together or one edit at a time both stray
// from the full analysis by up to 1.6e-6 of the gap area.
const AREA_TOLERANCE = 2e-6;

/** A full analysis and an incremental one agree on the findings, and on the areas to AREA_TOLERANCE. */
function expectSameAnalysis(incremental: SiteAnalysis, full: SiteAnalysis): void {
  const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(AREA_TOLERANCE * Math.max(1, Math.abs(expected)));
  expect(incremental.gaps.features.length).toBe(full.gaps.features.length);
  expect(incremental.overlaps.features.map((feature) => feature.id)).toEqual(full.overlaps.features.map((feature) => feature.id));
  expect(incremental.overflow.features.map((feature) => feature.id)).toEqual(full.overflow.features.map((feature) => feature.id));
  close(incremental.gapArea, full.gapArea);
  close(incremental.overlapArea, full.overlapArea);
  close(incremental.overflowArea, full.overflowArea);
}

/** The parcels (4 in a tiling's interior) that have a vertex, with that vertex moved. */
function moveSharedVertex(parcels: readonly AnalysisParcel[], vertex: Position, to: Position): ParcelEdit[] {
  return parcels.flatMap((parcel) => {
    const ring = parcel.geometry.coordinates[0]![0]!;
    if (!ring.some(([x, y]) => x === vertex[0] && y === vertex[1])) return [];
    const moved = ring.map((position): Position => (position[0] === vertex[0] && position[1] === vertex[1] ? to : position));
    return [{ before: parcel, after: deepFreeze({ ...parcel, geometry: { type: 'MultiPolygon' as const, coordinates: [[moved]] } }) }];
  });
}

describe('checkEdits', () => {
  it('equals a full analyseSite, and the same edits one by one, after shared vertices moved in every parcel that has them', { timeout: 120_000 }, () => {
    const tiling = generateTiling({ parcels: 64, seed: 5, defects: 0.05 });
    const random = seededRandom(9);
    let parcels = tiling.parcels.map((parcel) => deepFreeze(parcel) as AnalysisParcel);
    let together = createAnalysisIndex(deepFreeze({ ...tiling, parcels }), 0, SERVICE);
    let oneByOne = createAnalysisIndex({ ...tiling, parcels }, 0, SERVICE);
    for (let gesture = 0; gesture < 30; gesture += 1) {
      const parcel = parcels[Math.floor(random() * parcels.length)]!;
      const ring = parcel.geometry.coordinates[0]![0]!;
      const vertex = ring[Math.floor(random() * (ring.length - 1))]!;
      const edits = moveSharedVertex(parcels, vertex, [vertex[0] + (random() - 0.5) * cell * 0.5, vertex[1] + (random() - 0.5) * cell * 0.3]);
      const previous = together.analysis;
      const checked = checkEdits(together, edits);
      together = checked.index;
      for (const { before, after } of edits) oneByOne = checkEdit(oneByOne, before, after).index;
      const moved = new Map(edits.map(({ after }) => [after!.id, after!]));
      parcels = parcels.map((candidate) => moved.get(candidate.id) ?? candidate);

      expectSameAnalysis(checked.analysis, analyseSite({ ...tiling, parcels }, 0, SERVICE));
      expectSameAnalysis(checked.analysis, oneByOne.analysis);
      // The patch, applied to the analysis before (as a worker's page does), gives the same analysis.
      expect(applyEditChanges(structuredClone(previous), checked.changed)).toEqual(checked.analysis);
    }
  });

  it('lets the last edit of a parcel win', () => {
    const tiling = generateTiling({ parcels: 16, seed: 3, defects: 0 });
    const parcel = tiling.parcels[5] as AnalysisParcel;
    const index = createAnalysisIndex(tiling, 0, SERVICE);
    const deleted = checkEdits(index, [{ before: parcel, after: null }, { before: null, after: parcel }]);
    expectSameAnalysis(deleted.analysis, analyseSite(tiling, 0, SERVICE));
  });
});

describe('applyEditChanges', () => {
  it('keeps the lists, and the features, that an edit left alone', () => {
    const tiling = generateTiling({ parcels: 36, seed: 7, defects: 0.1 });
    const index = createAnalysisIndex(tiling, 0, SERVICE);
    const parcel = tiling.parcels.find((candidate) => candidate.properties.services.includes(SERVICE)) as AnalysisParcel;
    const ring = parcel.geometry.coordinates[0]![0]!;
    const [x, y] = ring[1]!;
    const moved = ring.map((position, rank): Position => (rank === 1 ? [x + cell * 0.05, y] : position));
    const { analysis, changed } = checkEdit(index, parcel, { ...parcel, geometry: { type: 'MultiPolygon', coordinates: [[moved]] } });
    for (const kind of ['gaps', 'overlaps', 'overflow'] as const) {
      const untouched = changed[`${kind}Removed`].length === 0 && changed[`${kind}Added`].length === 0;
      if (untouched) expect(analysis[kind]).toBe(index.analysis[kind]);
      const removed = new Set<string>(changed[`${kind}Removed`]);
      const kept = index.analysis[kind].features.filter((feature) => !removed.has(feature.id as string));
      for (const feature of kept) expect(analysis[kind].features).toContain(feature);
    }
    expect(applyEditChanges(index.analysis, { gapsRemoved: [], gapsAdded: [], overlapsRemoved: [], overlapsAdded: [], overflowRemoved: [], overflowAdded: [] })).toBe(index.analysis);
  });
});
