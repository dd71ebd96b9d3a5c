import { useCallback, useRef, useState } from 'react';
import type { ParcelFeature } from '../../../core/index.js';
import { api, ApiError, type ParcelChangeRequest } from '../api/client.js';
import {
  completeStep, dropStep, emptyHistory, nextStep, planStep, recordStep, withServerResult,
  type Direction, type EditHistory, type EditStep, type ParcelOperation,
} from './edit-history.js';

/** An undo or redo stopped by someone else's save: their version, and which request it stopped. */
export interface HistoryConflict {
  direction: Direction;
  step: EditStep;
  /** The refused request, in `planStep` order. */
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

/** The batch request of one operation, sent at `version` (the one the server must still hold). */
function requestOf(operation: ParcelOperation, version: number): ParcelChangeRequest {
  switch (operation.kind) {
    case 'delete':
      return { action: 'delete', id: operation.parcelId, version };
    case 'restore':
      return { action: 'restore', id: operation.parcelId, version: operation.version, expectedVersion: version };
    case 'update':
      return { action: 'update', id: operation.parcelId, version, geometry: operation.geometry, properties: operation.properties };
  }
}

/** Which change of the step the `index`-th operation of `planStep` comes from. */
const changeIndex = (step: EditStep, direction: Direction, index: number) => (direction === 'undo' ? step.changes.length - 1 - index : index);

/**
 * The page's undo and redo across saves: each step goes back or forth in one request (all of its
 * parcels or none); `onApplied` reloads what the page shows, as after a save.
 */
export function useEditHistory(siteId: string, onApplied: () => void): EditHistoryState {
  const [history, setHistory] = useState<EditHistory>(emptyHistory);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<HistoryConflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const running = useRef(false);

  /** Applies a step; `overrides` gives the version to send for some requests (someone else's, kept over). */
  const run = async (direction: Direction, step: EditStep, overrides: ReadonlyMap<number, number> = new Map()) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setFailure(null);
    const operations = planStep(step, direction);
    try {
      const { results } = await api.applyParcelChanges(siteId, operations.map((operation, index) => requestOf(operation, overrides.get(index) ?? operation.expectedVersion)));
      let current = step;
      results.forEach((result, index) => {
        const at = changeIndex(current, direction, index);
        current = { ...current, changes: current.changes.map((change, position) => (position === at ? withServerResult(change, direction, result) : change)) };
      });
      setHistory((previous) => completeStep(previous, direction, current));
      onApplied();
    } catch (error) {
      const refused = error instanceof ApiError ? (error.body as { current?: ParcelFeature; index?: number }) : undefined;
      if (error instanceof ApiError && error.code === 'version_conflict' && refused?.current && refused.index !== undefined) {
        const theirs = refused.current;
        const changes = await api.getParcelHistory(theirs.id).catch(() => []);
        setConflict({ direction, step, index: refused.index, current: theirs, updatedBy: changes.at(-1)?.changedByName ?? theirs.properties.updatedBy ?? '?' });
      } else {
        // All or nothing: the server holds what it held before; the step cannot be applied any more.
        setHistory((previous) => dropStep(previous, direction));
        setFailure(error instanceof Error ? error.message : String(error));
      }
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  const start = (direction: Direction) => {
    const step = nextStep(history, direction);
    if (step && !conflict) void run(direction, step);
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
      void run(conflict.direction, conflict.step, new Map([[conflict.index, conflict.current.properties.version]]));
    },
  };
}
