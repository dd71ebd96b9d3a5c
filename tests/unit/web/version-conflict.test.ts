import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../../core/index.js';
import type { ParcelFormValues } from '../../../web/src/domain/parcel-form.js';
import { compareVersions, mergeVersions, type ParcelVersion } from '../../../web/src/editing/version-conflict.js';
import { deepFreeze } from '../../support/deep-freeze.js';

const square = (x: number, size = 0.0001): MultiPolygon =>
  ({ type: 'MultiPolygon', coordinates: [[[[x, 48.9], [x + size, 48.9], [x + size, 48.9 + size], [x, 48.9 + size], [x, 48.9]]]] });

const values: ParcelFormValues = {
  organisationId: 'city', services: ['nettoiement', 'espaces_verts'], ownerId: '', label: 'Square Carnot',
  agreementRef: '', notes: '', fromPhase: 0, toPhase: null,
};

function version(changes: Partial<ParcelFormValues> = {}, geometry = square(2.48)): ParcelVersion {
  return deepFreeze({ values: { ...values, ...changes }, geometry });
}

const changed = (base: ParcelVersion, mine: ParcelVersion, theirs: ParcelVersion) =>
  compareVersions(base, mine, theirs).filter((change) => change.changedByMe || change.changedByThem);

describe('a save that meets someone else’s: their version and mine, field by field', () => {
  const base = version();

  it('marks who changed what since the version both started from', () => {
    const mine = version({ label: 'Square Carnot nord' });
    const theirs = version({ agreementRef: 'CONV-2026-07' });
    expect(changed(base, mine, theirs)).toEqual([
      { field: 'label', changedByMe: true, changedByThem: false },
      { field: 'agreementRef', changedByMe: false, changedByThem: true },
    ]);
  });

  it('merges: each field I changed is mine, every other one theirs, so neither change is lost', () => {
    const mine = version({ label: 'Square Carnot nord' });
    const theirs = version({ agreementRef: 'CONV-2026-07', toPhase: 2 }, square(2.4801));
    const { merged, bothChanged } = mergeVersions(base, mine, theirs);
    expect(merged.values).toEqual({ ...values, label: 'Square Carnot nord', agreementRef: 'CONV-2026-07', toPhase: 2 });
    expect(merged.geometry).toBe(theirs.geometry);
    expect(bothChanged).toEqual([]);
  });

  it('keeps mine where both changed a field to different values, and lists those fields', () => {
    const mine = version({ label: 'Mine', services: ['nettoiement'] }, square(2.4802));
    const theirs = version({ label: 'Theirs', services: ['espaces_verts', 'nettoiement', 'collecte_om'] }, square(2.4803));
    const { merged, bothChanged } = mergeVersions(base, mine, theirs);
    expect(merged.values.label).toBe('Mine');
    expect(merged.values.services).toEqual(['nettoiement']);
    expect(merged.geometry).toBe(mine.geometry);
    expect(bothChanged).toEqual(['services', 'label', 'geometry']);
  });

  it('does not count as a change what only differs by spaces, order of services or the API’s 7 decimals', () => {
    const rounded: MultiPolygon = { type: 'MultiPolygon', coordinates: base.geometry.coordinates.map((polygon) => polygon.map((ring) =>
      ring.map(([lon, lat]) => [Number((lon! + 3e-9).toFixed(7)), Number((lat! - 3e-9).toFixed(7))]))) };
    const mine = version({ label: ' Square Carnot ', services: ['espaces_verts', 'nettoiement'] });
    const theirs = version({}, rounded);
    expect(changed(base, mine, theirs)).toEqual([]);
  });

  it('sees a moved vertex, an added vertex and a both-sides change to the same value', () => {
    const moved = square(2.48);
    const movedCoordinates = moved.coordinates[0]![0]!.map((position, index) => (index === 1 ? [position[0]! + 1e-6, position[1]!] as [number, number] : position));
    const mine = version({ label: 'Same' }, { type: 'MultiPolygon', coordinates: [[movedCoordinates]] });
    const withVertex = square(2.48);
    const ring = withVertex.coordinates[0]![0]!;
    const theirs = version({ label: 'Same' }, { type: 'MultiPolygon', coordinates: [[[ring[0]!, [2.48005, 48.9], ...ring.slice(1)]]] });
    expect(changed(base, mine, theirs)).toEqual([
      { field: 'label', changedByMe: true, changedByThem: true },
      { field: 'geometry', changedByMe: true, changedByThem: true },
    ]);
    expect(mergeVersions(base, mine, theirs).bothChanged).toEqual(['geometry']);
  });
});
