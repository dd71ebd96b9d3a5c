import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../../core/index.js';
import type { Parcel } from '../../../web/src/domain/filter-parcels.js';
import { planMerge, planSave, planSplit, stepOfBatch } from '../../../web/src/editing/parcel-gestures.js';
import { emptyHistory, nextStep, planStep, recordStep, type EditStep } from '../../../web/src/editing/edit-history.js';
import { deepFreeze } from '../../support/deep-freeze.js';

/** The requests of undoing a step just recorded. */
const undoOf = (step: EditStep) => {
  const history = recordStep(emptyHistory, step);
  return planStep(history, nextStep(history, 'undo')!, 'undo');
};

const CITY = '00000000-0000-4000-8000-000000000001';
const square = (x: number, size = 1): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[x, 0], [x + size, 0], [x + size, size], [x, size], [x, 0]]]] });

function parcel(id: string, version: number, geometry: MultiPolygon, services = ['nettoiement']): Parcel {
  return deepFreeze({
    type: 'Feature',
    id,
    geometry,
    properties: {
      organisationId: CITY, services, ownerId: null, label: `P${id}`, agreementRef: null, notes: null,
      fromPhase: 0, toPhase: null, version, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'someone',
    },
  });
}
/** The server's answer to a change: the parcel at its next version. */
const saved = (before: Parcel, geometry: MultiPolygon, id = String(before.id)) =>
  ({ ...before, id, geometry, properties: { ...before.properties, version: id === before.id ? before.properties.version + 1 : 1 } });

describe('saving a reshaped parcel with the neighbours its shared vertex moved', () => {
  const own = parcel('a', 3, square(0));
  const neighbour = parcel('b', 7, square(1));

  it('sends one batch: the parcel with its form, each neighbour with its new shape, at their versions', () => {
    const planned = planSave(own, { geometry: square(0, 2), properties: { label: 'A' } }, [{ parcel: neighbour, geometry: square(2) }]);
    expect(planned.map((change) => change.request)).toEqual([
      { action: 'update', id: 'a', version: 3, geometry: square(0, 2), properties: { label: 'A' } },
      { action: 'update', id: 'b', version: 7, geometry: square(2) },
    ]);
    expect(planned.map((change) => change.before)).toEqual([own, neighbour]);
  });

  it("sends someone else's version for a parcel the user chose to save over", () => {
    const planned = planSave(own, { geometry: square(0), properties: {} }, [{ parcel: neighbour, geometry: square(2) }], new Map([['b', 9]]));
    expect(planned.map((change) => change.request)).toMatchObject([{ version: 3 }, { version: 9 }]);
  });

  it('creates a new parcel', () => {
    expect(planSave(null, { geometry: square(5), properties: { label: 'N' } }, []).map((change) => change.request)).toEqual([
      { action: 'create', feature: { type: 'Feature', geometry: square(5), properties: { label: 'N' } } },
    ]);
  });

  it('becomes one undo step that takes every parcel back in one batch', () => {
    const planned = planSave(own, { geometry: square(0, 2), properties: {} }, [{ parcel: neighbour, geometry: square(2) }]);
    const step = stepOfBatch('moved', planned, [saved(own, square(0, 2)), saved(neighbour, square(2))]);
    expect(step.changes.map((change) => [change.parcelId, change.before?.properties.version, change.after?.properties.version])).toEqual([
      ['a', 3, 4],
      ['b', 7, 8],
    ]);
    // Undo sends each parcel back to its shape before, at the version the save gave it.
    expect(undoOf(step).map((operation) => [operation.kind, operation.parcelId, operation.expectedVersion])).toEqual([
      ['update', 'b', 8],
      ['update', 'a', 4],
    ]);
  });
});

describe('splitting and merging', () => {
  const whole = parcel('a', 2, square(0, 2));

  it('keeps the first piece in the parcel and creates the others with its attributes', () => {
    const planned = planSplit(whole, [square(0), square(1)]);
    expect(planned.map((change) => change.request)).toEqual([
      { action: 'update', id: 'a', version: 2, geometry: square(0) },
      {
        action: 'create',
        feature: {
          type: 'Feature',
          geometry: square(1),
          properties: { organisationId: CITY, services: ['nettoiement'], ownerId: null, label: 'Pa', agreementRef: null, notes: null, fromPhase: 0, toPhase: null },
        },
      },
    ]);
    const step = stepOfBatch('split', planned, [saved(whole, square(0)), saved(whole, square(1), 'c')]);
    expect(step.changes.map((change) => [change.parcelId, change.before === null, change.after === null])).toEqual([['a', false, false], ['c', true, false]]);
    // Undoing a split deletes the new piece and gives the parcel its whole shape back.
    expect(undoOf(step).map((operation) => operation.kind)).toEqual(['delete', 'update']);
  });

  it('refuses a split into one piece', () => {
    expect(() => planSplit(whole, [square(0)])).toThrow(/at least two/);
  });

  it('keeps the first parcel with every service of the merged ones, and deletes the others', () => {
    const a = parcel('a', 1, square(0));
    const b = parcel('b', 4, square(1), ['nettoiement', 'espaces_verts']);
    const planned = planMerge([a, b], square(0, 2), ['nettoiement', 'espaces_verts']);
    expect(planned.map((change) => change.request)).toEqual([
      { action: 'update', id: 'a', version: 1, geometry: square(0, 2), properties: { services: ['nettoiement', 'espaces_verts'] } },
      { action: 'delete', id: 'b', version: 4 },
    ]);
    const step = stepOfBatch('merged', planned, [saved(a, square(0, 2)), null]);
    expect(step.changes.map((change) => [change.parcelId, change.after === null])).toEqual([['a', false], ['b', true]]);
    // Undoing a merge brings the deleted parcel back and the kept one's shape.
    expect(undoOf(step).map((operation) => operation.kind)).toEqual(['restore', 'update']);
  });
});
