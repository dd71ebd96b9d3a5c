import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisParcel, BuildingCollection, ParcelCollection, ParcelEdit, Site } from '../../../core/index.js';
import { noteLiveEditAnswered, noteLiveEditRequested, publishLiveAnalysis } from '../map/test-hook.js';
import { LiveCheck } from './live-check.js';
import { LivePreview } from './live-preview.js';

/** The browser engine's analysis of the shown layers, computed in a worker, and gestures checked live. */
export interface LiveAnalysis {
  /** The analysis with the gesture in progress, once its first check is back; null when none (read it with useLivePreview). */
  preview: LivePreview;
  /**
   * Checks the parcels one gesture changed (a shared vertex moves several) in the worker, together,
   * and shows the result as the preview. Of gestures sent faster than they are checked, only the latest is.
   */
  checkEdits: (edits: ParcelEdit[]) => void;
  /** Drops the preview, e.g. once the gesture is saved (the layers reload, and the worker with them). */
  clearPreview: () => void;
  /** Drops the preview and forgets the gestures checked so far (one was cancelled): the worker reloads the shown layers. */
  reset: () => void;
}

/**
 * Loads the parcels and buildings of a phase into the live-check worker for one service, so that the
 * editor sees gaps and overlaps change at once; the server's analysis stays the reference. The
 * worker starts only when `enabled` (from the first gesture of one who may edit): a viewer's page,
 * and an editor's until then, never fetches it.
 */
export function useLiveAnalysis(
  enabled: boolean,
  site: Site | undefined,
  phase: number,
  service: string | null,
  parcels: ParcelCollection | undefined,
  buildings: BuildingCollection | undefined,
): LiveAnalysis {
  const workerRef = useRef<LiveCheck | null>(null);
  const [preview] = useState(() => new LivePreview());
  const [generation, setGeneration] = useState(0);
  // Answers to checks sent before the preview was dropped are not shown.
  const previewEpoch = useRef(0);

  const [worker, setWorker] = useState<LiveCheck | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const started = new LiveCheck();
    workerRef.current = started;
    setWorker(started);
    return () => {
      workerRef.current = null;
      setWorker(null);
      started.destroy();
    };
  }, [enabled]);

  useEffect(() => {
    previewEpoch.current += 1;
    preview.set(null);
    publishLiveAnalysis(null);
    if (!worker || !site || !service || !parcels || !buildings) return;
    let current = true;
    const input = { perimeter: site.perimeter, tolerance: site.tolerance, parcels: parcels.features as AnalysisParcel[], buildings: buildings.features };
    worker.load(input, phase, service).then(
      (analysis) => current && publishLiveAnalysis(analysis),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [worker, preview, site, phase, service, parcels, buildings, generation]);

  const checkEdits = useCallback((edits: ParcelEdit[]) => {
    const worker = workerRef.current;
    if (!worker) return;
    const epoch = previewEpoch.current;
    const edit = noteLiveEditRequested();
    worker.edit(edits).then(
      (analysis) => {
        if (!analysis || epoch !== previewEpoch.current) return;
        noteLiveEditAnswered(analysis, edit);
        publishLiveAnalysis(analysis);
        preview.set(analysis);
      },
      () => {
        if (epoch === previewEpoch.current) preview.set(null);
      },
    );
  }, [preview]);

  const clearPreview = useCallback(() => {
    previewEpoch.current += 1;
    preview.set(null);
  }, [preview]);
  const reset = useCallback(() => {
    clearPreview();
    setGeneration((count) => count + 1);
  }, [clearPreview]);
  return { preview, checkEdits, clearPreview, reset };
}
