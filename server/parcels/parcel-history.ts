import type pg from 'pg';
import type { ParcelFeature } from '../../core/index.js';
import { readableSite, siteWithRole } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { namedQuery } from '../db/named-queries.js';
import { withTransaction } from '../db/transaction.js';
import { HttpError, notFound } from '../http/errors.js';
import { assertMayEditPhases, PARCEL_EDITORS } from './parcel-access.js';
import { checkParcels } from './parcel-rules.js';
import { faultError, insertParcel, readParcel, siteTolerance, updateParcel } from './parcel-writes.js';

/** Every version of a parcel (deleted ones too), who and when, oldest first. */
export async function parcelHistory(pool: pg.Pool, parcelId: string, user: AuthenticatedUser | undefined): Promise<unknown[]> {
  const last = (await pool.query<{ siteId: string }>(namedQuery('parcels/last-version'), [parcelId])).rows[0];
  if (!last) throw notFound('parcel');
  await readableSite(pool, last.siteId, user);
  return (await pool.query(namedQuery('parcels/history'), [parcelId])).rows;
}

/**
 * Restores a version's content as a new version: an update when the parcel exists (at the version
 * of If-Match when given), a re-creation with the same id when it was deleted.
 */
export async function restoreParcel(pool: pg.Pool, parcelId: string, user: AuthenticatedUser | undefined, version: number, expectedVersion?: number): Promise<ParcelFeature> {
  const last = (await pool.query<{ siteId: string; version: number; change: string }>(namedQuery('parcels/last-version'), [parcelId])).rows[0];
  if (!last) throw notFound('parcel');
  const access = await siteWithRole(pool, last.siteId, user, PARCEL_EDITORS);
  const content = (await pool.query(namedQuery('parcels/version-content'), [parcelId, version])).rows[0];
  if (!content) throw new HttpError(404, 'not_found', `this parcel has no version ${version}`, 'body.version');
  const { geometry, ...properties } = content;
  const feature = { type: 'Feature' as const, geometry: JSON.parse(geometry), properties };
  if (last.change !== 'delete') {
    return updateParcel(pool, parcelId, user, expectedVersion ?? last.version, feature, 'restore');
  }
  return withTransaction(pool, async (client) => {
    const check = await checkParcels(client, last.siteId, await siteTolerance(client, last.siteId), [feature]);
    if (check.rejected[0]) throw faultError(check.rejected[0]);
    assertMayEditPhases(access, [check.accepted[0]!.properties.fromPhase]);
    await insertParcel(client, last.siteId, check.accepted[0]!, user!.id, { id: parcelId, version: last.version + 1, change: 'restore' });
    return (await readParcel(client, parcelId))!.feature;
  });
}

