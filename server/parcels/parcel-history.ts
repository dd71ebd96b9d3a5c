import type pg from 'pg';
import { readableSite, siteWithRole, type SiteAccess } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { namedQuery } from '../db/named-queries.js';
import { lockForChange, type LockedFeature } from '../features/feature-writes.js';
import { ERROR_CODES, HttpError, notFound } from '../http/errors.js';
import { parcelsLayer } from './parcels.layer.js';

async function lastVersion(database: pg.Pool | pg.PoolClient, parcelId: string) {
  return (await database.query<{ siteId: string; version: number; change: string }>(namedQuery('parcels/last-version'), [parcelId])).rows[0];
}

/** Every version of a parcel (deleted ones too), who and when, oldest first. */
export async function parcelHistory(pool: pg.Pool, parcelId: string, user: AuthenticatedUser | undefined): Promise<unknown[]> {
  const last = await lastVersion(pool, parcelId);
  if (!last) throw notFound('parcel');
  await readableSite(pool, last.siteId, user, 'parcel');
  return (await pool.query(namedQuery('parcels/history'), [parcelId])).rows;
}

/** What restoring a version writes: an update of the parcel still there, or its re-creation under its id. */
export type RestorePlan =
  | { kind: 'update'; locked: LockedFeature; content: { geometry: unknown; properties: Record<string, unknown> } }
  | { kind: 'recreate'; access: SiteAccess; siteId: string; version: number; content: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> } };

/**
 * Plans the restore of a parcel's `version`, inside the caller's transaction, which it locks the parcel
 * for: 404 if unknown (or, given `siteId`, of another site) or without that version; when
 * `expectedVersion` is given, 409 unless the parcel is at it, or, deleted, its deletion is.
 */
export async function planRestore(
  client: pg.PoolClient, parcelId: string, user: AuthenticatedUser | undefined, version: number, expectedVersion?: number, siteId?: string,
): Promise<RestorePlan> {
  await client.query(namedQuery('parcels/lock-ids'), [[parcelId]]);
  const last = await lastVersion(client, parcelId);
  if (!last || (siteId !== undefined && last.siteId !== siteId)) throw notFound('parcel');
  const access = await siteWithRole(client, last.siteId, user, parcelsLayer.editors, 'parcel');
  const row = (await client.query(namedQuery('parcels/version-content'), [parcelId, version])).rows[0];
  if (!row) throw new HttpError(404, ERROR_CODES.notFound, `this parcel has no version ${version}`, 'body.version');
  const { geometry, ...properties } = row;
  if (last.change !== 'delete') {
    const locked = await lockForChange(client, parcelsLayer, parcelId, user, expectedVersion ?? last.version, siteId);
    return { kind: 'update', locked, content: { geometry: JSON.parse(geometry), properties } };
  }
  if (expectedVersion !== undefined && expectedVersion !== last.version) {
    throw new HttpError(409, ERROR_CODES.versionConflict, `the parcel was deleted at version ${last.version}, not ${expectedVersion}`, 'headers.if-match', { current: null });
  }
  return { kind: 'recreate', access, siteId: last.siteId, version: last.version + 1, content: { type: 'Feature', geometry: JSON.parse(geometry), properties } };
}
