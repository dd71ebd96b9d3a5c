import type { ParcelFeature } from '../../../core/index.js';
import { api as appApi, ApiError, type ApiClient, type ParcelChangeRequest, type ParcelChangeResults } from '../api/client.js';

/** How many times one gesture's request is sent when the connection drops before an answer. */
const ATTEMPTS = 3;

/**
 * Every write of the editor: one gesture's changes in one request (`POST …/parcels/changes`, all or
 * nothing), with an Idempotency-Key made once for it. A request whose answer was lost with the
 * connection is sent again with the same key: the server answers what it did the first time
 * instead of applying it twice. An answer with an error (an ApiError) is never sent again.
 */
export async function sendChanges(
  siteId: string, changes: ParcelChangeRequest[], client: Pick<ApiClient, 'applyParcelChanges'> = appApi, newKey: () => string = () => globalThis.crypto.randomUUID(),
): Promise<ParcelChangeResults> {
  const key = newKey();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await client.applyParcelChanges(siteId, changes, key);
    } catch (error) {
      if (error instanceof ApiError || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** A set of changes refused because someone saved one of its parcels meanwhile: theirs, and which change. */
export interface VersionConflict {
  current: ParcelFeature;
  /** The refused change, in the order sent. */
  index: number;
  /** Who made their version: the last editor of the parcel other than me (else the last one). */
  updatedBy: string;
}

/**
 * Who made the versions after `sentVersion` (the one the refused change expected): the newest of
 * them not made by `myUserId`, else the newest (my own account, in another tab).
 */
export function otherEditor(
  versions: ReadonlyArray<{ version: number; changedBy: string | null; changedByName: string | null }>, sentVersion: number, myUserId: string | null,
): string | null {
  const newestFirst = versions.filter((version) => version.version > sentVersion).reverse();
  const theirs = newestFirst.find((version) => version.changedBy != null && version.changedBy !== myUserId);
  return (theirs ?? newestFirst[0])?.changedByName ?? null;
}

/** The version a change was sent at (If-Match); 0 for a creation. */
function sentVersionOf(change: ParcelChangeRequest | undefined): number {
  if (!change || change.action === 'create') return 0;
  return change.action === 'restore' ? change.expectedVersion : change.version;
}

/** The conflict an error of `sendChanges(…, changes)` reports, or null for any other error. */
export async function versionConflictOf(
  error: unknown, changes: readonly ParcelChangeRequest[], myUserId: string | null, client: Pick<ApiClient, 'getParcelHistory'> = appApi,
): Promise<VersionConflict | null> {
  if (!(error instanceof ApiError) || error.code !== 'version_conflict') return null;
  const { current, index = 0 } = error.body as { current?: ParcelFeature | null; index?: number };
  if (!current) return null;
  const versions = await client.getParcelHistory(current.id).catch(() => []);
  return { current, index, updatedBy: otherEditor(versions, sentVersionOf(changes[index]), myUserId) ?? current.properties.updatedBy ?? '?' };
}
