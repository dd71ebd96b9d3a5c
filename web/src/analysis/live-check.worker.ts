// The live analysis of the editor, off the main thread: it keeps the index of one site, phase and
// service, and checks each gesture in the edited parcels' neighbourhood only (core's checkEdits).
import { checkEdits, createAnalysisIndex, type AnalysisIndex } from '../../../core/index.js';
import type { LiveCheckRequest, LiveCheckResponse } from './live-check-protocol.js';

type EditRequest = Extract<LiveCheckRequest, { type: 'edit' }>;

let index: AnalysisIndex | null = null;
/** The latest gesture not checked yet: gestures may come faster than they are checked. */
let nextEdit: EditRequest | null = null;
// A message to itself runs after the requests already queued, so that only the latest gesture is checked.
const later = new MessageChannel();
later.port1.onmessage = () => checkNextEdit();

function answer(response: LiveCheckResponse): void {
  (self as unknown as { postMessage(message: LiveCheckResponse): void }).postMessage(response);
}

function checkNextEdit(): void {
  const request = nextEdit;
  if (!request) return;
  nextEdit = null;
  const started = performance.now();
  try {
    if (!index) throw new Error('the live check has no site loaded');
    const checked = checkEdits(index, request.edits);
    index = checked.index;
    answer({ type: 'changes', requestId: request.requestId, changed: checked.changed, milliseconds: performance.now() - started });
  } catch (error) {
    answer({ type: 'error', requestId: request.requestId, message: (error as Error).message });
  }
}

self.onmessage = (event: MessageEvent<LiveCheckRequest>) => {
  const request = event.data;
  if (request.type === 'edit') {
    if (nextEdit) answer({ type: 'skipped', requestId: nextEdit.requestId });
    nextEdit = request;
    later.port2.postMessage(null);
    return;
  }
  // The answers keep the order of the requests: a gesture sent before this load is checked first.
  checkNextEdit();
  const started = performance.now();
  try {
    index = createAnalysisIndex(request.input, request.phase, request.service);
    answer({ type: 'analysis', requestId: request.requestId, analysis: index.analysis, milliseconds: performance.now() - started });
  } catch (error) {
    answer({ type: 'error', requestId: request.requestId, message: (error as Error).message });
  }
};
