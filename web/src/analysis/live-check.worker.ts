// The live analysis of the editor, off the main thread: it keeps the index of one site, phase and
// service, and checks each edit in the edited parcel's neighbourhood only (core's checkEdit).
import { checkEdit, createAnalysisIndex, type AnalysisIndex } from '../../../core/index.js';
import type { LiveCheckRequest, LiveCheckResponse } from './live-check-protocol.js';

let index: AnalysisIndex | null = null;

function answer(response: LiveCheckResponse): void {
  (self as unknown as { postMessage(message: LiveCheckResponse): void }).postMessage(response);
}

self.onmessage = (event: MessageEvent<LiveCheckRequest>) => {
  const request = event.data;
  const started = performance.now();
  try {
    if (request.type === 'load') {
      index = createAnalysisIndex(request.input, request.phase, request.service);
    } else {
      if (!index) throw new Error('the live check has no site loaded');
      index = checkEdit(index, request.before, request.after).index;
    }
    answer({ type: 'analysis', requestId: request.requestId, analysis: index.analysis, milliseconds: performance.now() - started });
  } catch (error) {
    answer({ type: 'error', requestId: request.requestId, message: (error as Error).message });
  }
};
