import type { AnalysisInput, AnalysisParcel, SiteAnalysis } from '../../../core/index.js';
import type { LiveCheckRequest, LiveCheckResponse } from './live-check-protocol.js';

/** The page's side of the live-check worker: load a site's layer once, then check each edit. */
export class LiveCheck {
  private readonly worker = new Worker(new URL('./live-check.worker.ts', import.meta.url), { type: 'module' });
  private readonly pending = new Map<number, { resolve: (analysis: SiteAnalysis) => void; reject: (error: Error) => void }>();
  private nextRequestId = 1;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<LiveCheckResponse>) => {
      const response = event.data;
      const waiting = this.pending.get(response.requestId);
      if (!waiting) return;
      this.pending.delete(response.requestId);
      if (response.type === 'analysis') waiting.resolve(response.analysis);
      else waiting.reject(new Error(response.message));
    };
  }

  /** Indexes a site's parcels alive at a phase for a service; resolves with the full analysis. */
  load(input: AnalysisInput, phase: number, service: string): Promise<SiteAnalysis> {
    return this.send({ type: 'load', requestId: 0, input, phase, service });
  }

  /** Checks one edit (before null: a creation; after null: a deletion); resolves with the new analysis. */
  edit(before: AnalysisParcel | null, after: AnalysisParcel | null): Promise<SiteAnalysis> {
    return this.send({ type: 'edit', requestId: 0, before, after });
  }

  /** Stops the worker. */
  destroy(): void {
    this.worker.terminate();
    for (const waiting of this.pending.values()) waiting.reject(new Error('the live check was stopped'));
    this.pending.clear();
  }

  private send(request: LiveCheckRequest): Promise<SiteAnalysis> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.worker.postMessage({ ...request, requestId });
    });
  }
}
