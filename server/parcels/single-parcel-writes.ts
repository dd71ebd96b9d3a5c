import type pg from 'pg';
import type { ParcelFeature } from '../../core/index.js';
import { siteWithRole } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { withTransaction } from '../db/transaction.js';
import type { FeatureWrites } from '../features/feature-writes.js';
import { idempotentWrite } from '../http/idempotency.js';
import { parcelsLayer } from './parcels.layer.js';
import { writeParcelChanges, type ParcelWrite } from './parcel-writes.js';

/** One change of a known parcel, on its own site, in its own transaction: the parcel as stored (null when deleted). */
async function writeOneParcel(pool: pg.Pool, user: AuthenticatedUser | undefined, change: ParcelWrite): Promise<ParcelFeature | null> {
  return withTransaction(pool, async (client) => (await writeParcelChanges(client, null, user!, [change]))[0]!);
}

/**
 * The single-parcel routes (`POST /sites/:siteId/parcels`, `PATCH` and `DELETE /parcels/:id`): each is
 * one change written by the same function as a set of changes, its errors pointing at the route's own fields.
 */
export const parcelWrites: FeatureWrites = {
  async create(pool, siteId, user, input, idempotencyKey) {
    const access = await siteWithRole(pool, siteId, user, parcelsLayer.editors);
    return idempotentWrite(pool, { userId: user!.id, key: idempotencyKey, request: { layer: parcelsLayer.name, siteId, input } }, async (client) => {
      const [parcel] = await writeParcelChanges(client, access, user!, [{ action: 'create', feature: input as Record<string, unknown> }]);
      return { status: 201, body: parcel };
    });
  },
  update: async (pool, id, user, version, patch) =>
    (await writeOneParcel(pool, user, { action: 'update', id, version, geometry: patch.geometry, properties: patch.properties }))!,
  async remove(pool, id, user, version) {
    await writeOneParcel(pool, user, { action: 'delete', id, version });
  },
};

/**
 * Restores a version's content as a new version: an update when the parcel exists (at the version
 * of If-Match when given, else its current one), a re-creation with the same id when it was deleted
 * (then If-Match, when given, is the version of its deletion).
 */
export async function restoreParcel(pool: pg.Pool, parcelId: string, user: AuthenticatedUser | undefined, version: number, expectedVersion?: number): Promise<ParcelFeature> {
  return (await writeOneParcel(pool, user, { action: 'restore', id: parcelId, version, expectedVersion }))!;
}
