import type { AnalysisInput, EditChanges, ParcelEdit, SiteAnalysis } from '../../../core/index.js';

/** What the page asks the live-check worker: a site's layer to index, or the parcels one gesture changed. */
export type LiveCheckRequest =
  | { type: 'load'; requestId: number; input: AnalysisInput; phase: number; service: string }
  | { type: 'edit'; requestId: number; edits: ParcelEdit[] };

/**
 * What the worker answers, with how long the check took: the whole analysis after a load; after a
 * gesture only what it changed (a few features rather than every gap and overlap of the site), or
 * that it was skipped because a later gesture arrived before it was checked.
 */
export type LiveCheckResponse =
  | { type: 'analysis'; requestId: number; analysis: SiteAnalysis; milliseconds: number }
  | { type: 'changes'; requestId: number; changed: EditChanges; milliseconds: number }
  | { type: 'skipped'; requestId: number }
  | { type: 'error'; requestId: number; message: string };
