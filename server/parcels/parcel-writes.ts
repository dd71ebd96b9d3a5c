import type pg from 'pg';
import type { ParcelFeature, ParcelPatch } from '../../core/index.js';
import { siteWithRole } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { namedQuery } from '../db/named-queries.js';
import { withTransaction } from '../db/transaction.js';
import { HttpError, notFound } from '../http/errors.js';
import { idempotentWrite, type StoredAnswer } from '../http/idempotency.js';
import { assertMayEditPhases, PARCEL_EDITORS } from './parcel-access.js';
import { checkParcels, type CheckedParcel, type ParcelFault } from './parcel-rules.js';

type Queryable = pg.Pool | pg.PoolClient;

/** A fault of a single-feature write as an HTTP error. */
export function faultError(fault: ParcelFault): HttpError {
  return new HttpError(fault.status, fault.code, fault.message, fault.field, fault.location ? { location: fault.location } : {});
}

export async function siteTolerance(database: Queryable, siteId: string): Promise<number> {
  return (await database.query<{ tolerance: number }>('select tolerance from sites where id = $1', [siteId])).rows[0]!.tolerance;
}

/** A stored parcel as a Feature, or null. */
export async function readParcel(database: Queryable, parcelId: string): Promise<{ siteId: string; feature: ParcelFeature } | null> {
  const row = (await database.query<{ siteId: string; feature: ParcelFeature }>(namedQuery('parcels/feature'), [parcelId])).rows[0];
  return row ?? null;
}

/** Stores one checked parcel and its first history row; returns its id. */
export async function insertParcel(client: pg.PoolClient, siteId: string, parcel: CheckedParcel, userId: string, options: { id?: string; version?: number; change?: string } = {}): Promise<string> {
  const properties = parcel.properties;
  const { rows } = await client.query<{ id: string }>(namedQuery('parcels/insert'), [
    options.id ?? null, siteId, JSON.stringify(parcel.geometry), properties.organisationId, properties.services,
    properties.ownerId ?? null, properties.label ?? null, properties.agreementRef ?? null, properties.notes ?? null,
    properties.fromPhase, properties.toPhase ?? null, options.version ?? null, userId,
  ]);
  const id = rows[0]!.id;
  await client.query(namedQuery('parcels/record-version'), [[id], options.change ?? 'create', userId]);
  return id;
}

/** Creates a parcel on a site: 201 with the stored Feature (replayed for a retried Idempotency-Key). */
export async function createParcel(pool: pg.Pool, siteId: string, user: AuthenticatedUser | undefined, feature: unknown, idempotencyKey?: string): Promise<StoredAnswer> {
  const access = await siteWithRole(pool, siteId, user, PARCEL_EDITORS);
  return idempotentWrite(pool, { userId: user!.id, key: idempotencyKey, request: { siteId, feature } }, async (client) => {
    const check = await checkParcels(client, siteId, await siteTolerance(client, siteId), [feature]);
    if (check.rejected[0]) throw faultError(check.rejected[0]);
    const parcel = check.accepted[0]!;
    assertMayEditPhases(access, [parcel.properties.fromPhase]);
    const id = await insertParcel(client, siteId, parcel, user!.id);
    return { status: 201, body: (await readParcel(client, id))!.feature };
  });
}

/**
 * Locks a parcel for a versioned change: 404 if unknown or unreadable, 410 if deleted,
 * 409 with the current Feature if the version moved.
 */
async function lockForChange(client: pg.PoolClient, parcelId: string, user: AuthenticatedUser | undefined, expectedVersion: number) {
  const row = (await client.query<{ siteId: string; version: number; fromPhase: number }>(namedQuery('parcels/lock'), [parcelId])).rows[0];
  if (!row) {
    const last = (await client.query<{ siteId: string; change: string }>(namedQuery('parcels/last-version'), [parcelId])).rows[0];
    if (last) await siteWithRole(client, last.siteId, user, PARCEL_EDITORS);
    if (last?.change === 'delete') throw new HttpError(410, 'parcel_deleted', 'this parcel has been deleted');
    throw notFound('parcel');
  }
  const access = await siteWithRole(client, row.siteId, user, PARCEL_EDITORS);
  assertMayEditPhases(access, [row.fromPhase]);
  if (row.version !== expectedVersion) {
    const current = await readParcel(client, parcelId);
    throw new HttpError(409, 'version_conflict', `the parcel is at version ${row.version}, not ${expectedVersion}`, 'headers.if-match', { current: current!.feature });
  }
  return { ...row, access };
}

/** Applies a change to a parcel at the expected version; returns the new Feature. */
export async function updateParcel(pool: pg.Pool, parcelId: string, user: AuthenticatedUser | undefined, expectedVersion: number, patch: ParcelPatch, change: 'update' | 'restore' = 'update'): Promise<ParcelFeature> {
  return withTransaction(pool, async (client) => {
    const locked = await lockForChange(client, parcelId, user, expectedVersion);
    const current = (await readParcel(client, parcelId))!.feature;
    const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...currentProperties } = current.properties;
    const merged = { type: 'Feature', geometry: patch.geometry ?? current.geometry, properties: { ...currentProperties, ...patch.properties } };
    const check = await checkParcels(client, locked.siteId, await siteTolerance(client, locked.siteId), [merged]);
    if (check.rejected[0]) throw faultError(check.rejected[0]);
    const parcel = check.accepted[0]!;
    assertMayEditPhases(locked.access, [parcel.properties.fromPhase]);
    const properties = parcel.properties;
    await client.query(namedQuery('parcels/update'), [
      parcelId, JSON.stringify(parcel.geometry), properties.organisationId, properties.services, properties.ownerId ?? null,
      properties.label ?? null, properties.agreementRef ?? null, properties.notes ?? null, properties.fromPhase,
      properties.toPhase ?? null, user!.id,
    ]);
    await client.query(namedQuery('parcels/record-version'), [[parcelId], change, user!.id]);
    return (await readParcel(client, parcelId))!.feature;
  });
}

/** Deletes a parcel at the expected version; its history stays. */
export async function deleteParcel(pool: pg.Pool, parcelId: string, user: AuthenticatedUser | undefined, expectedVersion: number): Promise<void> {
  await withTransaction(pool, async (client) => {
    await lockForChange(client, parcelId, user, expectedVersion);
    await client.query(namedQuery('parcels/record-deletion'), [parcelId, user!.id]);
  });
}
