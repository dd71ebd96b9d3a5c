import { applyEditChanges, type AnalysisInput, type ParcelEdit, type SiteAnalysis } from '../../../core/index.js';
import type { LiveCheckRequest, LiveCheckResponse } from './live-check-protocol.js';

type Request = Omit<Extract<LiveCheckRequest, { type: 'load' }>, 'requestId'> | Omit<Extract<LiveCheckRequest, { type: 'edit' }>, 'requestId'>;

/**
 * The page's side of the live-check worker: load a site's layer once, then check each gesture. The
 * worker answers a gesture with what it changed, patched here onto the previous analysis; of
 * gestures arriving faster than it checks them, it checks only the latest.
 */
export class LiveCheck {
  private readonly worker = new Worker(new URL('./live-check.worker.ts', import.meta.url), { type: 'module' });
  private readonly pending = new Map<number, { resolve: (analysis: SiteAnalysis | null) => void; reject: (error: Error) => void }>();
  private nextRequestId = 1;
  /** The analysis as of the worker's last answer. */
  private analysis: SiteAnalysis | null = null;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<LiveCheckResponse>) => this.receive(event.data);
  }

  /** Indexes a site's parcels alive at a phase for a service; resolves with the full analysis. */
  async load(input: AnalysisInput, phase: number, service: string): Promise<SiteAnalysis> {
    return (await this.send({ type: 'load', input, phase, service }))!;
  }

  /**
   * Checks the parcels one gesture changed, together; resolves with the analysis after them, or null
   * when a later gesture arrived before this one was checked.
   */
  edit(edits: ParcelEdit[]): Promise<SiteAnalysis | null> {
    return this.send({ type: 'edit', edits });
  }

  /** Stops the worker. */
  destroy(): void {
    this.worker.terminate();
    for (const waiting of this.pending.values()) waiting.reject(new Error('the live check was stopped'));
    this.pending.clear();
  }

  private send(request: Request): Promise<SiteAnalysis | null> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, { resolve, reject });
      this.worker.postMessage({ ...request, requestId } as LiveCheckRequest);
    });
  }

  private receive(response: LiveCheckResponse): void {
    const waiting = this.pending.get(response.requestId);
    if (!waiting) return;
    this.pending.delete(response.requestId);
    if (response.type === 'error') return waiting.reject(new Error(response.message));
    if (response.type === 'skipped') return waiting.resolve(null);
    if (response.type === 'analysis') this.analysis = response.analysis;
    else if (!this.analysis) return waiting.reject(new Error('the live check answered a gesture before any load'));
    else this.analysis = applyEditChanges(this.analysis, response.changed);
    waiting.resolve(this.analysis);
  }
}
