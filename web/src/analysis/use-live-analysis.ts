import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisParcel, BuildingCollection, ParcelCollection, Site, SiteAnalysis } from '../../../core/index.js';
import { noteLiveEditAnswered, noteLiveEditRequested } from '../map/test-hook.js';
import { LiveCheck } from './live-check.js';

/** The browser engine's analysis of the shown layers, computed in a worker, and edits checked live. */
export interface LiveAnalysis {
  analysis: SiteAnalysis | undefined;
  /** Checks one edit in the worker (before null: a creation; after null: a deletion) and shows its result. */
  checkEdit: (before: AnalysisParcel | null, after: AnalysisParcel | null) => Promise<SiteAnalysis | undefined>;
  /** Forgets the edits checked so far (a drawing was cancelled): the worker reloads the shown layers. */
  reset: () => void;
}

/**
 * Loads the parcels and buildings of a phase into the live-check worker for one service, so that the
 * editor sees gaps and overlaps change at once; the server's analysis stays the reference.
 */
export function useLiveAnalysis(
  site: Site | undefined,
  phase: number,
  service: string | null,
  parcels: ParcelCollection | undefined,
  buildings: BuildingCollection | undefined,
): LiveAnalysis {
  const workerRef = useRef<LiveCheck | null>(null);
  const [analysis, setAnalysis] = useState<SiteAnalysis | undefined>(undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const worker = new LiveCheck();
    workerRef.current = worker;
    return () => {
      workerRef.current = null;
      worker.destroy();
    };
  }, []);

  useEffect(() => {
    const worker = workerRef.current;
    setAnalysis(undefined);
    if (!worker || !site || !service || !parcels || !buildings) return;
    let current = true;
    const input = { perimeter: site.perimeter, tolerance: site.tolerance, parcels: parcels.features as AnalysisParcel[], buildings: buildings.features };
    worker.load(input, phase, service).then(
      (result) => current && setAnalysis(result),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [site, phase, service, parcels, buildings, generation]);

  const checkEdit = useCallback(async (before: AnalysisParcel | null, after: AnalysisParcel | null) => {
    const worker = workerRef.current;
    if (!worker) return undefined;
    const edit = noteLiveEditRequested();
    const result = await worker.edit(before, after);
    noteLiveEditAnswered(result, edit);
    setAnalysis(result);
    return result;
  }, []);

  const reset = useCallback(() => setGeneration((count) => count + 1), []);
  return { analysis, checkEdit, reset };
}
