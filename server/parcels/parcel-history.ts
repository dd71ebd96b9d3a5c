import type pg from 'pg';
import { readableSite, siteWithRole } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { namedQuery } from '../db/named-queries.js';
import { withTransaction } from '../db/transaction.js';
import { checkFeatures } from '../features/check-features.js';
import { faultError, insertFeatures, readFeature, siteTolerance, updateFeature, type StoredFeature } from '../features/feature-writes.js';
import { HttpError, notFound } from '../http/errors.js';
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

/**
 * Restores a version's content as a new version: an update when the parcel exists (at the version
 * of If-Match when given, else its current one), a re-creation with the same id when it was deleted.
 */
export async function restoreParcel(pool: pg.Pool, parcelId: string, user: AuthenticatedUser | undefined, version: number, expectedVersion?: number): Promise<StoredFeature['feature']> {
  const last = await lastVersion(pool, parcelId);
  if (!last) throw notFound('parcel');
  const access = await siteWithRole(pool, last.siteId, user, parcelsLayer.editors, 'parcel');
  const content = (await pool.query(namedQuery('parcels/version-content'), [parcelId, version])).rows[0];
  if (!content) throw new HttpError(404, 'not_found', `this parcel has no version ${version}`, 'body.version');
  const { geometry, ...properties } = content;
  if (last.change !== 'delete') {
    return updateFeature(pool, parcelsLayer, parcelId, user, expectedVersion ?? last.version, { geometry: JSON.parse(geometry), properties }, 'restore');
  }
  return withTransaction(pool, async (client) => {
    const feature = { type: 'Feature', geometry: JSON.parse(geometry), properties };
    const check = await checkFeatures(client, last.siteId, await siteTolerance(client, last.siteId), [feature], parcelsLayer.rules);
    if (check.rejected[0]) throw faultError(check.rejected[0]);
    const parcel = check.accepted[0]!;
    parcelsLayer.assertMayEdit(access, parcelsLayer.phasesOf(parcel.properties));
    await insertFeatures(client, parcelsLayer, last.siteId, [{ ...parcel, id: parcelId, version: last.version + 1 }], user!.id, 'restore');
    return (await readFeature(client, parcelsLayer, parcelId))!.feature;
  });
}
