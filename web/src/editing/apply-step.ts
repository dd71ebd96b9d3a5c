import type { ApiClient } from '../api/client.js';
import { writesOf, type ParcelWrite } from '../domain/parcel-writes.js';
import { completeStep, planStep, type Direction, type EditHistory, type ParcelOperation, type RecordedStep } from './edit-history.js';
import { sendChanges, versionConflictOf, type VersionConflict } from './send-changes.js';

/** What an undo or redo came to: applied (the new history, and the parcels as the server left them), stopped by someone else's version, or failed. */
export type StepOutcome =
  | { kind: 'applied'; history: EditHistory; writes: ParcelWrite[] }
  | { kind: 'conflict'; conflict: VersionConflict }
  | { kind: 'failed'; message: string };

/** The batch request of one operation. */
export function requestOf(operation: ParcelOperation) {
  switch (operation.kind) {
    case 'delete':
      return { action: 'delete', id: operation.parcelId, version: operation.expectedVersion } as const;
    case 'restore':
      return { action: 'restore', id: operation.parcelId, version: operation.version, expectedVersion: operation.expectedVersion } as const;
    case 'update':
      return { action: 'update', id: operation.parcelId, version: operation.expectedVersion, geometry: operation.geometry, properties: operation.properties } as const;
  }
}

/**
 * Undoes or redoes `step` (the top of `direction`'s stack) in one request, at the versions the
 * history knows; `theirs` is the version to send for one parcel (someone else's, saved over).
 */
export async function applyStep(
  history: EditHistory, direction: Direction, step: RecordedStep,
  context: { siteId: string; myUserId: string | null; client?: Pick<ApiClient, 'applyParcelChanges' | 'getParcelHistory'> },
  theirs?: { parcelId: string; version: number },
): Promise<StepOutcome> {
  const operations = planStep(history, step, direction)
    .map((operation) => (operation.parcelId === theirs?.parcelId ? { ...operation, expectedVersion: theirs.version } : operation));
  const requests = operations.map(requestOf);
  try {
    const { results } = await sendChanges(context.siteId, requests, context.client);
    return { kind: 'applied', history: completeStep(history, direction, step, operations, results), writes: writesOf(requests, results) };
  } catch (error) {
    const conflict = await versionConflictOf(error, requests, context.myUserId, context.client);
    return conflict ? { kind: 'conflict', conflict } : { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
