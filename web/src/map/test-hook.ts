import { PARCEL_ID_PROPERTY } from './layer-ids.js';

/** What end-to-end tests read on `window.__tessera` once the map is idle with its parcels loaded. */
export interface TesseraTestHook {
  map: unknown;
  renderedParcelCount: number;
  /** Number of parcels in the map's parcels source (all of the shown phase and service, in view or not). */
  parcelCount: number;
  /** When (Date.now()) the map last became ready: the bench tells what was requested before it. */
  readyAt: number;
}

declare global {
  interface Window {
    __tessera?: TesseraTestHook;
    /** The browser engine's analysis of the shown service (live-check worker), for end-to-end tests. */
    __tesseraLive?: { gapCount: number; gapArea: number; overlapCount: number; overlapArea: number } | null;
  }
}

/**
 * Number of distinct parcels among rendered features: MapLibre returns one feature per tile a
 * parcel crosses, so the same parcel may come back several times.
 */
export function countRenderedParcels(features: ReadonlyArray<{ id?: string | number; properties: Record<string, unknown> }>): number {
  const ids = new Set<unknown>();
  for (const feature of features) ids.add(feature.properties[PARCEL_ID_PROPERTY] ?? feature.id);
  return ids.size;
}

/** Exposes the map and the parcel counts to end-to-end tests and to the bench. */
export function publishTestHook(map: unknown, renderedParcelCount: number, parcelCount: number, readyAt: number): void {
  window.__tessera = { map, renderedParcelCount, parcelCount, readyAt };
}

/** Exposes the figures of the live-check worker's analysis to end-to-end tests. */
export function publishLiveAnalysis(analysis: { gaps: { features: unknown[] }; gapArea: number; overlaps: { features: unknown[] }; overlapArea: number } | null): void {
  window.__tesseraLive = analysis
    ? { gapCount: analysis.gaps.features.length, gapArea: analysis.gapArea, overlapCount: analysis.overlaps.features.length, overlapArea: analysis.overlapArea }
    : null;
}

/**
 * When the live check of each edit was asked for, and when its analysis reached the map (handed to
 * deck.gl) and the analysis panel (committed): what `npm run bench` times after a vertex drop.
 */
export interface LiveEditTimings {
  /** Number of the last edit sent to the live check (1, 2, …). */
  requested: number;
  /** Per edit number, performance.now() when it was asked for, answered, and its analysis handed to the overlay and to the panel. */
  shown: Record<number, { requested?: number; answered?: number; overlay?: number; panel?: number }>;
}

declare global {
  interface Window {
    __tesseraLiveEdits?: LiveEditTimings;
  }
}

/** Edits older than this many are forgotten, so that a long session does not grow the record. */
const KEPT_EDIT_TIMINGS = 100;
const editOfAnalysis = new WeakMap<object, number>();

function liveEditTimings(): LiveEditTimings {
  window.__tesseraLiveEdits ??= { requested: 0, shown: {} };
  return window.__tesseraLiveEdits;
}

/** Notes that one more edit was sent to the live check; returns its number. */
export function noteLiveEditRequested(): number {
  const timings = liveEditTimings();
  timings.requested += 1;
  delete timings.shown[timings.requested - KEPT_EDIT_TIMINGS];
  timings.shown[timings.requested] = { requested: performance.now() };
  return timings.requested;
}

/** Ties the analysis the live check answered to the edit it checked. */
export function noteLiveEditAnswered(analysis: object, edit: number): void {
  const earlier = editOfAnalysis.get(analysis);
  editOfAnalysis.set(analysis, edit);
  const timings = liveEditTimings();
  const now = performance.now();
  const shown = (timings.shown[edit] ??= {});
  shown.answered = now;
  // The edit changed no finding (the same analysis came back): where the earlier edit's analysis is
  // shown already, this one is too; where it is not yet, it will be under this edit's number.
  const earlierShown = earlier === undefined ? undefined : timings.shown[earlier];
  if (earlierShown?.overlay !== undefined) shown.overlay = now;
  if (earlierShown?.panel !== undefined) shown.panel = now;
}

/** Notes when an analysis reached the overlay or the panel (only the live check's answers are timed). */
export function noteAnalysisShown(analysis: object | null | undefined, where: 'overlay' | 'panel'): void {
  const edit = analysis ? editOfAnalysis.get(analysis) : undefined;
  if (edit === undefined) return;
  const shown = (liveEditTimings().shown[edit] ??= {});
  shown[where] ??= performance.now();
}
