import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../../core/index.js';
import {
  completeStep, dropStep, emptyHistory, HISTORY_LIMIT, nextStep, planStep, recordStep, withServerResult,
  type EditStep, type ParcelChange, type ParcelSnapshot,
} from '../../../web/src/editing/edit-history.js';
import { deepFreeze } from './fixtures.js';

const ORGANISATION = '00000000-0000-4000-8000-000000000001';
const square = (size: number): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[0, 0], [size, 0], [size, size], [0, size], [0, 0]]]] });

/** A parcel as the server returns it, at `version`, with a shape and a label. */
function parcel(id: string, version: number, size = 1, label: string | null = null): ParcelSnapshot {
  return deepFreeze({
    type: 'Feature',
    id,
    geometry: square(size),
    properties: {
      organisationId: ORGANISATION, services: ['nettoiement'], ownerId: null, label, agreementRef: null, notes: null,
      fromPhase: 0, toPhase: null, version, updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'someone',
    },
  });
}
const step = (label: string, ...changes: EditStep['changes']): EditStep => deepFreeze({ label, changes });
const writable = { organisationId: ORGANISATION, services: ['nettoiement'], ownerId: null, agreementRef: null, notes: null, fromPhase: 0, toPhase: null };

describe('the undo and redo stacks', () => {
  const created = step('created', { parcelId: 'a', before: null, after: parcel('a', 1) });
  const deleted = step('deleted', { parcelId: 'b', before: parcel('b', 3), after: null });

  it('puts a new gesture on top and clears what could be redone', () => {
    const undone = completeStep(recordStep(recordStep(emptyHistory, created), deleted), 'undo', deleted);
    expect(undone).toEqual({ undo: [created], redo: [deleted] });
    expect(recordStep(undone, deleted)).toEqual({ undo: [created, deleted], redo: [] });
  });

  it('moves a step between the stacks as it is undone and redone', () => {
    const history = deepFreeze(recordStep(emptyHistory, created));
    expect(nextStep(history, 'undo')).toBe(created);
    expect(nextStep(history, 'redo')).toBeUndefined();
    const undone = completeStep(history, 'undo', created);
    expect(undone).toEqual({ undo: [], redo: [created] });
    expect(completeStep(undone, 'redo', created)).toEqual({ undo: [created], redo: [] });
  });

  it('forgets a step that can no longer be applied, and the oldest beyond the limit', () => {
    expect(dropStep(deepFreeze({ undo: [created, deleted], redo: [] }), 'undo')).toEqual({ undo: [created], redo: [] });
    let history = emptyHistory;
    for (let count = 0; count <= HISTORY_LIMIT; count += 1) history = recordStep(history, step(`step ${count}`, ...created.changes));
    expect(history.undo).toHaveLength(HISTORY_LIMIT);
    expect(history.undo[0]!.label).toBe('step 1');
  });

  it('ignores a gesture that changed nothing', () => {
    expect(recordStep(emptyHistory, step('nothing'))).toBe(emptyHistory);
  });
});

describe('planStep', () => {
  it('undoes a creation with a delete at the created version, and redoes it with a restore under the same id', () => {
    const created = step('created', { parcelId: 'a', before: null, after: parcel('a', 1) });
    expect(planStep(created, 'undo')).toEqual([{ kind: 'delete', parcelId: 'a', expectedVersion: 1 }]);
    // The delete made version 2 (the tombstone): the restore brings version 1's content back.
    expect(planStep(created, 'redo')).toEqual([{ kind: 'restore', parcelId: 'a', version: 1, expectedVersion: 2 }]);
  });

  it('undoes a deletion with a restore of the last version, and redoes it with a delete', () => {
    const deleted = step('deleted', { parcelId: 'b', before: parcel('b', 3), after: null });
    expect(planStep(deleted, 'undo')).toEqual([{ kind: 'restore', parcelId: 'b', version: 3, expectedVersion: 4 }]);
    expect(planStep(deleted, 'redo')).toEqual([{ kind: 'delete', parcelId: 'b', expectedVersion: 3 }]);
  });

  it('undoes an update by sending the old shape and attributes, If-Match the new version', () => {
    const updated = step('updated', { parcelId: 'c', before: parcel('c', 1, 1, 'old'), after: parcel('c', 2, 2, 'new') });
    expect(planStep(updated, 'undo')).toEqual([{ kind: 'update', parcelId: 'c', expectedVersion: 2, geometry: square(1), properties: { ...writable, label: 'old' } }]);
    expect(planStep(updated, 'redo')).toEqual([{ kind: 'update', parcelId: 'c', expectedVersion: 1, geometry: square(2), properties: { ...writable, label: 'new' } }]);
  });

  it('undoes the changes of one gesture last first, and redoes them in order', () => {
    const gesture = step('two', { parcelId: 'a', before: null, after: parcel('a', 1) }, { parcelId: 'b', before: parcel('b', 5), after: null });
    expect(planStep(gesture, 'undo').map((operation) => operation.parcelId)).toEqual(['b', 'a']);
    expect(planStep(gesture, 'redo').map((operation) => operation.parcelId)).toEqual(['a', 'b']);
  });

  it('refuses a change with neither side', () => {
    expect(() => planStep(step('broken', { parcelId: 'x', before: null, after: null }), 'undo')).toThrow(/neither/);
  });
});

describe('withServerResult', () => {
  it('keeps the versions the server answered, so the next undo or redo sends the right If-Match', () => {
    let change: ParcelChange = deepFreeze({ parcelId: 'c', before: parcel('c', 1, 1, 'old'), after: parcel('c', 2, 2, 'new') });
    change = withServerResult(change, 'undo', parcel('c', 3, 1, 'old'));
    expect(planStep(step('s', change), 'redo')[0]).toMatchObject({ kind: 'update', expectedVersion: 3 });
    change = withServerResult(change, 'redo', parcel('c', 4, 2, 'new'));
    expect(planStep(step('s', change), 'undo')[0]).toMatchObject({ kind: 'update', expectedVersion: 4 });
  });

  it('follows a creation through undo (delete) and redo (restore) under the same id', () => {
    let change: ParcelChange = deepFreeze({ parcelId: 'a', before: null, after: parcel('a', 1) });
    change = withServerResult(change, 'undo', null);
    expect(change.after?.properties.version).toBe(1);
    change = withServerResult(change, 'redo', parcel('a', 3));
    // Undone again: delete at version 3, then restore version 3's content over the tombstone 4.
    expect(planStep(step('s', change), 'undo')).toEqual([{ kind: 'delete', parcelId: 'a', expectedVersion: 3 }]);
    expect(planStep(step('s', change), 'redo')).toEqual([{ kind: 'restore', parcelId: 'a', version: 3, expectedVersion: 4 }]);
  });
});
