import type { MultiPolygon, ParcelFeature } from '../../../core/index.js';

/** A parcel as the server returned it (geometry, properties with its version). */
export type ParcelSnapshot = ParcelFeature;

/** What one gesture did to one parcel: null before means created, null after means deleted. */
export interface ParcelChange {
  parcelId: string;
  before: ParcelSnapshot | null;
  after: ParcelSnapshot | null;
  /** The version the gesture was sent at (If-Match), when not before's: the user saved over someone else's version. */
  sentVersion?: number;
}

/** One saved gesture, which is also one undo step. */
export interface EditStep {
  label: string;
  changes: readonly ParcelChange[];
}

/** A step of the stacks, numbered in the order the gestures were saved. */
export interface RecordedStep extends EditStep {
  sequence: number;
}

/**
 * What the history knows of a parcel on the server, one entry per parcel: the version that this
 * page's last write of it (save, undo or redo) left, which every next undo or redo sends as If-Match.
 */
export interface KnownVersion {
  /** The version the server holds after that write; when deleted, the version of the deletion. */
  version: number;
  deleted: boolean;
  /**
   * The oldest step (its sequence) that this state continues. A gesture saved on top of someone
   * else's version starts a new run: the steps before it would undo their work, so they ask first.
   */
  since: number;
}

/** The steps that may be undone (last one on top) and redone (next one on top), and the parcels' versions. */
export interface EditHistory {
  undo: readonly RecordedStep[];
  redo: readonly RecordedStep[];
  versions: ReadonlyMap<string, KnownVersion>;
  nextSequence: number;
}

export type Direction = 'undo' | 'redo';

/**
 * A request that takes a parcel from one snapshot of a change to the other. `expectedVersion` is
 * the version the server must still hold (sent as If-Match): someone else's save makes it fail.
 */
export type ParcelOperation =
  | { kind: 'delete'; parcelId: string; expectedVersion: number }
  /** Re-creates a deleted parcel under its id with the content of `version` (the deletion is `expectedVersion`). */
  | { kind: 'restore'; parcelId: string; version: number; expectedVersion: number }
  | { kind: 'update'; parcelId: string; expectedVersion: number; geometry: MultiPolygon; properties: Record<string, unknown> };

/** How many steps are kept: older ones are forgotten. */
export const HISTORY_LIMIT = 100;

export const emptyHistory: EditHistory = { undo: [], redo: [], versions: new Map(), nextSequence: 1 };

/** Where a parcel is once a request at `sentVersion` answered `result` (null: deleted, one version up). */
const stateAfter = (result: ParcelSnapshot | null, sentVersion: number, since: number): KnownVersion =>
  result ? { version: result.properties.version, deleted: false, since } : { version: sentVersion + 1, deleted: true, since };

/**
 * A new gesture: it goes on top of the undo stack, the redo stack is cleared, and its parcels'
 * versions are the server's answers. A parcel the gesture found at another version than the one
 * the history left was changed by someone else in between: its run starts again at this step.
 */
export function recordStep(history: EditHistory, step: EditStep): EditHistory {
  if (step.changes.length === 0) return history;
  const sequence = history.nextSequence;
  const versions = new Map(history.versions);
  for (const change of step.changes) {
    const known = versions.get(change.parcelId);
    const sentVersion = change.sentVersion ?? change.before?.properties.version ?? 0;
    const continues = known !== undefined && change.before !== null && !known.deleted && known.version === sentVersion;
    versions.set(change.parcelId, stateAfter(change.after, sentVersion, continues ? known.since : sequence));
  }
  return { undo: [...history.undo, { ...step, sequence }].slice(-HISTORY_LIMIT), redo: [], versions, nextSequence: sequence + 1 };
}

/** The step the next undo or redo would apply, if any. */
export function nextStep(history: EditHistory, direction: Direction): RecordedStep | undefined {
  return history[direction].at(-1);
}

/** The properties a client may write back: the server's bookkeeping ones are left out. */
export function writableProperties(snapshot: ParcelSnapshot): Record<string, unknown> {
  const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...writable } = snapshot.properties;
  return writable;
}

/**
 * The version the server should hold for `change` to go from `from`: the history's, when its run
 * reaches this step; else the snapshot's own, which someone else's later version makes stale, so
 * that the server refuses and the user is asked.
 */
function expectedVersion(history: EditHistory, step: RecordedStep, parcelId: string, from: ParcelSnapshot | null, to: ParcelSnapshot | null): number {
  const known = history.versions.get(parcelId);
  if (known && step.sequence >= known.since) return known.version;
  // A deletion is itself a version: the deletion follows the last content.
  return from ? from.properties.version : to!.properties.version + 1;
}

/** The request that takes a parcel from `from` to `to`, at `expected`. */
function operationBetween(parcelId: string, from: ParcelSnapshot | null, to: ParcelSnapshot | null, expected: number): ParcelOperation {
  if (from && !to) return { kind: 'delete', parcelId, expectedVersion: expected };
  if (!from && to) return { kind: 'restore', parcelId, version: to.properties.version, expectedVersion: expected };
  if (from && to) return { kind: 'update', parcelId, expectedVersion: expected, geometry: to.geometry, properties: writableProperties(to) };
  throw new Error(`change of parcel ${parcelId} has neither a before nor an after`);
}

/** The changes of a step in the order an undo (last change first) or a redo (in order) applies them. */
const changesInOrder = (step: EditStep, direction: Direction) => (direction === 'undo' ? [...step.changes].reverse() : step.changes);

/** The requests of an undo or a redo of `step`, each at the version the history knows for its parcel. */
export function planStep(history: EditHistory, step: RecordedStep, direction: Direction): ParcelOperation[] {
  return changesInOrder(step, direction).map((change) => {
    const [from, to] = direction === 'undo' ? [change.after, change.before] : [change.before, change.after];
    return operationBetween(change.parcelId, from, to, expectedVersion(history, step, change.parcelId, from, to));
  });
}

/**
 * The history once an undo or redo of `step` (the top of `direction`'s stack) was applied: the step
 * moves to the other stack and its parcels take the server's answers (`results`, in the order of
 * `sent`, the requests as sent). Saving over someone else's version keeps the run it had.
 */
export function completeStep(history: EditHistory, direction: Direction, step: RecordedStep, sent: readonly ParcelOperation[], results: ReadonlyArray<ParcelSnapshot | null>): EditHistory {
  const versions = new Map(history.versions);
  sent.forEach((operation, index) => {
    const since = Math.min(versions.get(operation.parcelId)?.since ?? step.sequence, step.sequence);
    versions.set(operation.parcelId, stateAfter(results[index] ?? null, operation.expectedVersion, since));
  });
  return direction === 'undo'
    ? { ...history, undo: history.undo.slice(0, -1), redo: [...history.redo, step], versions }
    : { ...history, undo: [...history.undo, step], redo: history.redo.slice(0, -1), versions };
}

/** The history without the top step of `direction`: it cannot be applied any more (someone else's version was kept). */
export function dropStep(history: EditHistory, direction: Direction): EditHistory {
  return { ...history, [direction]: history[direction].slice(0, -1) };
}
