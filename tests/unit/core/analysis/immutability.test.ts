import { describe, expect, it } from 'vitest';
import { analyseSite } from '../../../../core/analysis/analyse-site.js';
import type { AnalysisParcel } from '../../../../core/analysis/analysis-input.js';
import { checkEdit } from '../../../../core/analysis/check-edit.js';
import { comparePhases } from '../../../../core/analysis/compare-phases.js';
import { createAnalysisIndex } from '../../../../core/analysis/create-analysis-index.js';
import { whoManages } from '../../../../core/analysis/who-manages.js';
import { generateTiling } from '../../../support/generate-tiling.js';
import { deepFreeze } from '../../../support/deep-freeze.js';

describe('the analysis never mutates its inputs', () => {
  const tiling = generateTiling({ parcels: 64, seed: 11, defects: 0.1 });
  const frozen = deepFreeze(structuredClone(tiling));
  const parcel = frozen.parcels[5] as AnalysisParcel;
  const grown = deepFreeze({ ...parcel, geometry: { type: 'MultiPolygon' as const, coordinates: [[parcel.geometry.coordinates[0]![0]!.map(([x, y]): [number, number] => [x * 1.0000001, y])]] } });

  it('runs every entry point on deep-frozen inputs, which are left equal to the originals', () => {
    expect(() => analyseSite(frozen, 0, 'nettoiement')).not.toThrow();
    expect(() => comparePhases(frozen, 0, 1, 'nettoiement', { default: 1, byOrganisation: {} })).not.toThrow();
    expect(() => whoManages(frozen, [2.48, 48.9], 0)).not.toThrow();
    const index = createAnalysisIndex(frozen, 0, 'nettoiement');
    const { index: next } = checkEdit(index, parcel, grown);
    expect(() => checkEdit(next, grown, null)).not.toThrow();
    expect(frozen).toEqual(tiling);
  });

  it('returns analyses that later edits leave alone', () => {
    const index = createAnalysisIndex(frozen, 0, 'nettoiement');
    const before = structuredClone(index.analysis);
    deepFreeze(index.analysis);
    checkEdit(index, parcel, grown);
    expect(index.analysis).toEqual(before);
  });
});
