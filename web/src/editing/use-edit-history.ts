import { useCallback, useRef, useState } from 'react';
import type { ParcelFeature } from '../../../core/index.js';
import type { ParcelWrite } from '../domain/parcel-writes.js';
import { useSession } from '../session/use-session.js';
import { applyStep } from './apply-step.js';
import { dropStep, emptyHistory, nextStep, recordStep, type Direction, type EditHistory, type EditStep, type RecordedStep } from './edit-history.js';

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

/**
 * The page's undo and redo across saves: each step goes back or forth in one request (all of its
 * parcels or none), at the versions the history knows; `onApplied` gets the parcels as the server
 * left them (the step's answer, or their version when the user keeps it), for what the page shows.
 */
export function useEditHistory(siteId: string, onApplied: (writes: readonly ParcelWrite[]) => void): EditHistoryState {
  const [history, setHistory] = useState<EditHistory>(emptyHistory);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<HistoryConflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const myUserId = useSession()?.id ?? null;
  const running = useRef(false);
  // The latest history, for a request that starts after other renders.
  const latest = useRef(history);
  latest.current = history;

  /** Applies a step; `theirs` is the version to send for one parcel (someone else's, kept over). */
  const run = async (direction: Direction, step: RecordedStep, theirs?: { parcelId: string; version: number }) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setFailure(null);
    const outcome = await applyStep(latest.current, direction, step, { siteId, myUserId }, theirs);
    if (outcome.kind === 'applied') {
      latest.current = outcome.history;
      setHistory(outcome.history);
      onApplied(outcome.writes);
    } else if (outcome.kind === 'conflict') setConflict({ direction, step, ...outcome.conflict });
    else {
      // All or nothing: the server holds what it held before; the step cannot be applied any more.
      setHistory((previous) => dropStep(previous, direction));
      setFailure(outcome.message);
    }
    running.current = false;
    setBusy(false);
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
      onApplied([{ id: conflict.current.id, feature: conflict.current }]);
    },
    keepMine: () => {
      if (!conflict) return;
      setConflict(null);
      void run(conflict.direction, conflict.step, { parcelId: conflict.current.id, version: conflict.current.properties.version });
    },
  };
}
