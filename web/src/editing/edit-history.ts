import type { MultiPolygon, ParcelFeature } from '../../../core/index.js';

/** A parcel as the server returned it (geometry, properties with its version). */
export type ParcelSnapshot = ParcelFeature;

/** What one gesture did to one parcel: null before means created, null after means deleted. */
export interface ParcelChange {
  parcelId: string;
  before: ParcelSnapshot | null;
  after: ParcelSnapshot | null;
}

/** One saved gesture, which is also one undo step. */
export interface EditStep {
  label: string;
  changes: readonly ParcelChange[];
}

/** The steps that may be undone (last one on top) and redone (next one on top). */
export interface EditHistory {
  undo: readonly EditStep[];
  redo: readonly EditStep[];
}

export type Direction = 'undo' | 'redo';

/**
 * A request that takes a parcel from one snapshot of a change to the other. `expectedVersion` is
 * the version the server must still hold (sent as If-Match): someone else's save makes it fail.
 */
export type ParcelOperation =
  | { kind: 'delete'; parcelId: string; expectedVersion: number }
  /** Re-creates a deleted parcel under its id with the content of `version` (the tombstone is `expectedVersion`). */
  | { kind: 'restore'; parcelId: string; version: number; expectedVersion: number }
  | { kind: 'update'; parcelId: string; expectedVersion: number; geometry: MultiPolygon; properties: Record<string, unknown> };

/** How many steps are kept: older ones are forgotten. */
export const HISTORY_LIMIT = 100;

export const emptyHistory: EditHistory = { undo: [], redo: [] };

/** A new gesture: it goes on top of the undo stack and the redo stack is cleared. */
export function recordStep(history: EditHistory, step: EditStep): EditHistory {
  if (step.changes.length === 0) return history;
  return { undo: [...history.undo, step].slice(-HISTORY_LIMIT), redo: [] };
}

/** The step the next undo or redo would apply, if any. */
export function nextStep(history: EditHistory, direction: Direction): EditStep | undefined {
  return history[direction].at(-1);
}

/** The properties a client may write back: the server's bookkeeping ones are left out. */
export function writableProperties(snapshot: ParcelSnapshot): Record<string, unknown> {
  const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...writable } = snapshot.properties;
  return writable;
}

/** The request that takes a parcel from `from` to `to` (both as the server last returned them). */
function operationBetween(parcelId: string, from: ParcelSnapshot | null, to: ParcelSnapshot | null): ParcelOperation {
  if (from && !to) return { kind: 'delete', parcelId, expectedVersion: from.properties.version };
  // A deletion is itself a version: the tombstone follows the last content.
  if (!from && to) return { kind: 'restore', parcelId, version: to.properties.version, expectedVersion: to.properties.version + 1 };
  if (from && to) return { kind: 'update', parcelId, expectedVersion: from.properties.version, geometry: to.geometry, properties: writableProperties(to) };
  throw new Error(`change of parcel ${parcelId} has neither a before nor an after`);
}

/** The requests of an undo (each change reversed, last change first) or a redo (in order). */
export function planStep(step: EditStep, direction: Direction): ParcelOperation[] {
  const changes = direction === 'undo' ? [...step.changes].reverse() : step.changes;
  return changes.map((change) => direction === 'undo'
    ? operationBetween(change.parcelId, change.after, change.before)
    : operationBetween(change.parcelId, change.before, change.after));
}

/**
 * The change once an undo or redo of it was applied: the side it went back to takes the server's
 * answer (its new version), so the next request sends the right If-Match. A deletion keeps the
 * snapshot, whose version holds the content to restore.
 */
export function withServerResult(change: ParcelChange, direction: Direction, result: ParcelSnapshot | null): ParcelChange {
  if (result === null) return change;
  return direction === 'undo' ? { ...change, before: result } : { ...change, after: result };
}

/** The history once `step` (the updated top of `direction`'s stack) was applied: it moves to the other stack. */
export function completeStep(history: EditHistory, direction: Direction, step: EditStep): EditHistory {
  return direction === 'undo'
    ? { undo: history.undo.slice(0, -1), redo: [...history.redo, step] }
    : { undo: [...history.undo, step], redo: history.redo.slice(0, -1) };
}

/** The history without the top step of `direction`: it cannot be applied any more (someone else's version was kept). */
export function dropStep(history: EditHistory, direction: Direction): EditHistory {
  return { ...history, [direction]: history[direction].slice(0, -1) };
}
