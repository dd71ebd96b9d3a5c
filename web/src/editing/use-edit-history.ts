import { useCallback, useRef, useState } from 'react';
import type { ParcelFeature } from '../../../core/index.js';
import type { ParcelChangeRequest } from '../api/client.js';
import { useSession } from '../session/use-session.js';
import {
  completeStep, dropStep, emptyHistory, nextStep, planStep, recordStep,
  type Direction, type EditHistory, type EditStep, type ParcelOperation, type RecordedStep,
} from './edit-history.js';
import { sendChanges, versionConflictOf } from './send-changes.js';

/** An undo or redo stopped by someone else's save: their version, and which request it stopped. */
export interface HistoryConflict {
  direction: Direction;
  step: RecordedStep;
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

/** The batch request of one operation. */
export function requestOf(operation: ParcelOperation): ParcelChangeRequest {
  switch (operation.kind) {
    case 'delete':
      return { action: 'delete', id: operation.parcelId, version: operation.expectedVersion };
    case 'restore':
      return { action: 'restore', id: operation.parcelId, version: operation.version, expectedVersion: operation.expectedVersion };
    case 'update':
      return { action: 'update', id: operation.parcelId, version: operation.expectedVersion, geometry: operation.geometry, properties: operation.properties };
  }
}

/**
 * The page's undo and redo across saves: each step goes back or forth in one request (all of its
 * parcels or none), at the versions the history knows; `onApplied` reloads what the page shows.
 */
export function useEditHistory(siteId: string, onApplied: () => void): EditHistoryState {
  const [history, setHistory] = useState<EditHistory>(emptyHistory);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<HistoryConflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const myUserId = useSession()?.id ?? null;
  const running = useRef(false);
  // The latest history, for a request that ends after other renders.
  const latest = useRef(history);
  latest.current = history;

  /** Applies a step; `theirs` is the version to send for one parcel (someone else's, kept over). */
  const run = async (direction: Direction, step: RecordedStep, theirs?: { parcelId: string; version: number }) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setFailure(null);
    const operations = planStep(latest.current, step, direction)
      .map((operation) => (operation.parcelId === theirs?.parcelId ? { ...operation, expectedVersion: theirs.version } : operation));
    const requests = operations.map(requestOf);
    try {
      const { results } = await sendChanges(siteId, requests);
      setHistory((previous) => completeStep(previous, direction, step, operations, results));
      onApplied();
    } catch (error) {
      const refused = await versionConflictOf(error, requests, myUserId);
      if (refused) setConflict({ direction, step, ...refused });
      else {
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
      void run(conflict.direction, conflict.step, { parcelId: conflict.current.id, version: conflict.current.properties.version });
    },
  };
}
