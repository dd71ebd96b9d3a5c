import type { AnalysisInput, AnalysisParcel, SiteAnalysis } from '../../../core/index.js';

/** What the page asks the live-check worker. */
export type LiveCheckRequest =
  | { type: 'load'; requestId: number; input: AnalysisInput; phase: number; service: string }
  | { type: 'edit'; requestId: number; before: AnalysisParcel | null; after: AnalysisParcel | null };

/** What the worker answers: the analysis after the load or the edit, and how long the check took. */
export type LiveCheckResponse =
  | { type: 'analysis'; requestId: number; analysis: SiteAnalysis; milliseconds: number }
  | { type: 'error'; requestId: number; message: string };
