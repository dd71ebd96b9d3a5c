import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../../core/index.js';
import {
  completeStep, dropStep, emptyHistory, HISTORY_LIMIT, nextStep, planStep, recordStep,
  type EditHistory, type EditStep, type ParcelSnapshot,
} from '../../../web/src/editing/edit-history.js';
import { deepFreeze } from '../../support/deep-freeze.js';

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

/** Records the steps, then plans and applies `direction` on the top one with the server's `results`. */
function apply(history: EditHistory, direction: 'undo' | 'redo', results: ReadonlyArray<ParcelSnapshot | null>) {
  const top = nextStep(history, direction)!;
  const operations = planStep(history, top, direction);
  return { operations, history: completeStep(history, direction, top, operations, results) };
}
const record = (...steps: EditStep[]) => steps.reduce(recordStep, emptyHistory);
const labels = (history: EditHistory) => ({ undo: history.undo.map((entry) => entry.label), redo: history.redo.map((entry) => entry.label) });

describe('the undo and redo stacks', () => {
  const created = step('created', { parcelId: 'a', before: null, after: parcel('a', 1) });
  const deleted = step('deleted', { parcelId: 'b', before: parcel('b', 3), after: null });

  it('puts a new gesture on top and clears what could be redone', () => {
    const { history: undone } = apply(record(created, deleted), 'undo', [parcel('b', 5)]);
    expect(labels(undone)).toEqual({ undo: ['created'], redo: ['deleted'] });
    expect(labels(recordStep(undone, deleted))).toEqual({ undo: ['created', 'deleted'], redo: [] });
  });

  it('moves a step between the stacks as it is undone and redone', () => {
    const history = deepFreeze(record(created));
    expect(nextStep(history, 'undo')).toMatchObject(created);
    expect(nextStep(history, 'redo')).toBeUndefined();
    const { history: undone } = apply(history, 'undo', [null]);
    expect(labels(undone)).toEqual({ undo: [], redo: ['created'] });
    expect(labels(apply(undone, 'redo', [parcel('a', 3)]).history)).toEqual({ undo: ['created'], redo: [] });
  });

  it('forgets a step that can no longer be applied, and the oldest beyond the limit', () => {
    expect(labels(dropStep(deepFreeze(record(created, deleted)), 'undo'))).toEqual({ undo: ['created'], redo: [] });
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
    const { operations, history } = apply(record(step('created', { parcelId: 'a', before: null, after: parcel('a', 1) })), 'undo', [null]);
    expect(operations).toEqual([{ kind: 'delete', parcelId: 'a', expectedVersion: 1 }]);
    // The delete made version 2: the restore brings version 1's content back over it.
    expect(apply(history, 'redo', [parcel('a', 3)]).operations).toEqual([{ kind: 'restore', parcelId: 'a', version: 1, expectedVersion: 2 }]);
  });

  it('undoes a deletion with a restore of the last version, and redoes it with a delete', () => {
    const { operations, history } = apply(record(step('deleted', { parcelId: 'b', before: parcel('b', 3), after: null })), 'undo', [parcel('b', 5)]);
    expect(operations).toEqual([{ kind: 'restore', parcelId: 'b', version: 3, expectedVersion: 4 }]);
    expect(apply(history, 'redo', [null]).operations).toEqual([{ kind: 'delete', parcelId: 'b', expectedVersion: 5 }]);
  });

  it('undoes an update by sending the old shape and attributes, If-Match the new version', () => {
    const updated = step('updated', { parcelId: 'c', before: parcel('c', 1, 1, 'old'), after: parcel('c', 2, 2, 'new') });
    const { operations, history } = apply(record(updated), 'undo', [parcel('c', 3, 1, 'old')]);
    expect(operations).toEqual([{ kind: 'update', parcelId: 'c', expectedVersion: 2, geometry: square(1), properties: { ...writable, label: 'old' } }]);
    expect(apply(history, 'redo', [parcel('c', 4, 2, 'new')]).operations).toEqual([
      { kind: 'update', parcelId: 'c', expectedVersion: 3, geometry: square(2), properties: { ...writable, label: 'new' } },
    ]);
  });

  it('undoes the changes of one gesture last first, and redoes them in order', () => {
    const gesture = step('two', { parcelId: 'a', before: null, after: parcel('a', 1) }, { parcelId: 'b', before: parcel('b', 5), after: null });
    const { operations, history } = apply(record(gesture), 'undo', [parcel('b', 7), null]);
    expect(operations.map((operation) => operation.parcelId)).toEqual(['b', 'a']);
    expect(apply(history, 'redo', [parcel('a', 3), null]).operations.map((operation) => operation.parcelId)).toEqual(['a', 'b']);
  });

  it('refuses a change with neither side', () => {
    const history = record(step('broken', { parcelId: 'x', before: null, after: null }));
    expect(() => planStep(history, nextStep(history, 'undo')!, 'undo')).toThrow(/neither/);
  });
});

describe('the versions the history knows', () => {
  it('sends each parcel’s latest version, whichever step wrote it: create, rename, undo, undo', () => {
    const history = record(
      step('created', { parcelId: 'a', before: null, after: parcel('a', 1, 1, null) }),
      step('renamed', { parcelId: 'a', before: parcel('a', 1, 1, null), after: parcel('a', 2, 1, 'Nom') }),
    );
    const renamedUndone = apply(history, 'undo', [parcel('a', 3, 1, null)]);
    expect(renamedUndone.operations).toMatchObject([{ kind: 'update', expectedVersion: 2 }]);
    // The creation's own snapshot says version 1; the server holds 3 since the first undo.
    const createdUndone = apply(renamedUndone.history, 'undo', [null]);
    expect(createdUndone.operations).toEqual([{ kind: 'delete', parcelId: 'a', expectedVersion: 3 }]);
    const redone = apply(createdUndone.history, 'redo', [parcel('a', 5, 1, null)]);
    expect(redone.operations).toEqual([{ kind: 'restore', parcelId: 'a', version: 1, expectedVersion: 4 }]);
    expect(apply(redone.history, 'redo', [parcel('a', 6, 1, 'Nom')]).operations).toMatchObject([{ kind: 'update', expectedVersion: 5, properties: { label: 'Nom' } }]);
  });

  it('a gesture saved over someone else’s version makes the older steps of that parcel ask first', () => {
    const history = record(
      step('mine', { parcelId: 'a', before: parcel('a', 1, 1, 'A'), after: parcel('a', 2, 1, 'B') }),
      // Someone else saved version 3 ('C'); this gesture started from it.
      step('mine again', { parcelId: 'a', before: parcel('a', 3, 1, 'C'), after: parcel('a', 4, 1, 'D') }),
    );
    const undone = apply(history, 'undo', [parcel('a', 5, 1, 'C')]);
    expect(undone.operations).toMatchObject([{ expectedVersion: 4, properties: { label: 'C' } }]);
    // Undoing 'mine' now would silently replace their 'C': it is sent at the version it knew, which the server refuses.
    expect(apply(undone.history, 'undo', [parcel('a', 6, 1, 'A')]).operations).toMatchObject([{ expectedVersion: 2 }]);
  });

  it('a gesture sent over their version (kept mine) records the deletion one version after it', () => {
    const history = record(step('deleted', { parcelId: 'b', before: parcel('b', 3), after: null, sentVersion: 6 }));
    expect(history.versions.get('b')).toEqual({ version: 7, deleted: true, since: 1 });
    expect(apply(history, 'undo', [parcel('b', 8)]).operations).toEqual([{ kind: 'restore', parcelId: 'b', version: 3, expectedVersion: 7 }]);
  });
});
