import { useCallback, useRef, useState } from 'react';
import type { ParcelFeature } from '../../../core/index.js';
import { api, ApiError } from '../api/client.js';
import {
  completeStep, dropStep, emptyHistory, nextStep, planStep, recordStep, withServerResult,
  type Direction, type EditHistory, type EditStep, type ParcelOperation, type ParcelSnapshot,
} from './edit-history.js';

/** An undo or redo stopped by someone else's save: their version, and where to resume if mine is kept. */
export interface HistoryConflict {
  direction: Direction;
  /** The step with the changes applied so far already updated. */
  step: EditStep;
  /** The operation that failed, in `planStep` order. */
  index: number;
  current: ParcelFeature;
  updatedBy: string;
}

/** What the undo/redo controls need: the stacks' tops, the actions and what stopped the last one. */
export interface EditHistoryState {
  undoLabel: string | undefined;
  redoLabel: string | undefined;
  busy: boolean;
  conflict: HistoryConflict | null;
  /** Why the last undo or redo failed (its step is dropped), or null. */
  failure: string | null;
  record: (step: EditStep) => void;
  undo: () => void;
  redo: () => void;
  keepTheirs: () => void;
  keepMine: () => void;
}

/** Sends one operation; the parcel as the server now holds it, or null when deleted. */
async function send(operation: ParcelOperation, expectedVersion: number): Promise<ParcelSnapshot | null> {
  switch (operation.kind) {
    case 'delete':
      await api.deleteParcel(operation.parcelId, expectedVersion);
      return null;
    case 'restore':
      return api.restoreParcel(operation.parcelId, operation.version, expectedVersion);
    case 'update':
      return api.updateParcel(operation.parcelId, expectedVersion, { geometry: operation.geometry, properties: operation.properties });
  }
}

/** Which change of the step the `index`-th operation of `planStep` comes from. */
const changeIndex = (step: EditStep, direction: Direction, index: number) => (direction === 'undo' ? step.changes.length - 1 - index : index);

/** The page's undo and redo across saves; `onApplied` reloads what the page shows, as after a save. */
export function useEditHistory(onApplied: () => void): EditHistoryState {
  const [history, setHistory] = useState<EditHistory>(emptyHistory);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<HistoryConflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const running = useRef(false);

  const run = async (direction: Direction, step: EditStep, from: number, overrideVersion?: number) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setFailure(null);
    const operations = planStep(step, direction);
    let current = step;
    let index = from;
    try {
      for (; index < operations.length; index += 1) {
        const operation = operations[index]!;
        const result = await send(operation, index === from && overrideVersion !== undefined ? overrideVersion : operation.expectedVersion);
        const at = changeIndex(current, direction, index);
        current = { ...current, changes: current.changes.map((change, position) => (position === at ? withServerResult(change, direction, result) : change)) };
      }
      setHistory((previous) => completeStep(previous, direction, current));
      onApplied();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict' && error.body.current) {
        const theirs = error.body.current as ParcelFeature;
        const changes = await api.getParcelHistory(theirs.id).catch(() => []);
        setConflict({ direction, step: current, index, current: theirs, updatedBy: changes.at(-1)?.changedByName ?? theirs.properties.updatedBy ?? '?' });
      } else {
        // Never retried blindly: the step may be half applied. The page shows what the server holds.
        setHistory((previous) => dropStep(previous, direction));
        setFailure(error instanceof Error ? error.message : String(error));
        if (index > from) onApplied();
      }
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  const start = (direction: Direction) => {
    const step = nextStep(history, direction);
    if (step && !conflict) void run(direction, step, 0);
  };

  return {
    undoLabel: nextStep(history, 'undo')?.label,
    redoLabel: nextStep(history, 'redo')?.label,
    busy,
    conflict,
    failure,
    record: useCallback((step: EditStep) => {
      setFailure(null);
      setHistory((previous) => recordStep(previous, step));
    }, []),
    undo: () => start('undo'),
    redo: () => start('redo'),
    keepTheirs: () => {
      if (!conflict) return;
      setConflict(null);
      setHistory((previous) => dropStep(previous, conflict.direction));
      onApplied();
    },
    keepMine: () => {
      if (!conflict) return;
      setConflict(null);
      void run(conflict.direction, conflict.step, conflict.index, conflict.current.properties.version);
    },
  };
}
