import type pg from 'pg';
import type { ParcelChangeRequest, ParcelChangeResults } from '../../core/index.js';
import { siteWithRole } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { HttpError } from '../http/errors.js';
import { idempotentWrite, type StoredAnswer } from '../http/idempotency.js';
import { parcelsLayer } from './parcels.layer.js';
import { writeParcelChanges } from './parcel-writes.js';

/** Where an error of change `index` points in the body: `changes.<index>.…`, by what the change holds. */
function fieldInBatch(index: number, change: ParcelChangeRequest, field: string | undefined): string {
  const at = `changes.${index}`;
  if (field === 'headers.if-match') return change.action === 'restore' ? `${at}.expectedVersion` : `${at}.version`;
  if (change.action === 'create') return field === undefined || field === 'feature' ? `${at}.feature` : `${at}.feature.${field}`;
  if (field === undefined || change.action === 'delete') return `${at}.id`;
  // A restore's content comes from the version it names (a fault of it, or a version it does not have).
  if (change.action === 'restore') return `${at}.version`;
  return field === 'feature' ? at : `${at}.${field}`;
}

/**
 * Applies a set of changes to a site's parcels atomically: creations, updates, deletions and
 * restores, each with the checks and role limits of its single-parcel route, all in one transaction.
 * The first refused change refuses them all, its error pointing at `changes.<index>` with its `index`.
 * Answers 200 with each change's parcel as stored (null when deleted), replayed for a retried Idempotency-Key.
 */
export async function applyParcelChanges(pool: pg.Pool, siteId: string, user: AuthenticatedUser | undefined, changes: ParcelChangeRequest[], idempotencyKey?: string): Promise<StoredAnswer> {
  const access = await siteWithRole(pool, siteId, user, parcelsLayer.editors);
  const request = { layer: parcelsLayer.name, siteId, changes };
  // The error of change `index`, pointing into the body, with the change's `index`.
  const inBatch = (index: number, error: HttpError) =>
    new HttpError(error.status, error.code, error.message, fieldInBatch(index, changes[index]!, error.field), { ...error.details, index });
  return idempotentWrite(pool, { userId: user!.id, key: idempotencyKey, request }, async (client) => {
    const results = await writeParcelChanges(client, access, user!, changes, inBatch);
    return { status: 200, body: { results } satisfies ParcelChangeResults };
  });
}
