import type pg from 'pg';
import { siteWithRole } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { namedQuery } from '../db/named-queries.js';
import { withTransaction } from '../db/transaction.js';
import { HttpError, notFound } from '../http/errors.js';
import { idempotentWrite, type StoredAnswer } from '../http/idempotency.js';
import { checkFeatures, type CheckedFeature, type FeatureFault } from './check-features.js';
import type { Layer } from './layer.js';

type Queryable = pg.Pool | pg.PoolClient;

/** A stored feature with its site and version. */
export interface StoredFeature {
  siteId: string;
  version: number;
  feature: { type: 'Feature'; id: string; geometry: unknown; properties: Record<string, unknown> };
}

/** A fault of a single-feature write as an HTTP error. */
export function faultError(fault: FeatureFault): HttpError {
  return new HttpError(fault.status, fault.code, fault.message, fault.field, fault.location ? { location: fault.location } : {});
}

/** The site's tolerance (m²): geometries smaller than it are refused. */
export async function siteTolerance(database: Queryable, siteId: string): Promise<number> {
  return (await database.query<{ tolerance: number }>('select tolerance from sites where id = $1', [siteId])).rows[0]!.tolerance;
}

/** One stored feature of a layer, or null. */
export async function readFeature(database: Queryable, layer: Layer<unknown>, id: string): Promise<StoredFeature | null> {
  return (await database.query<StoredFeature>(namedQuery(`${layer.name}/feature`), [id])).rows[0] ?? null;
}

/** Stores checked features (ids and versions given for a restore) and their history rows; returns their ids. */
export async function insertFeatures<P>(client: pg.PoolClient, layer: Layer<P>, siteId: string, features: Array<CheckedFeature<P> & { id?: string; version?: number }>, userId: string, change = 'create'): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(namedQuery(`${layer.name}/insert`), [siteId, JSON.stringify(features), userId]);
  const ids = rows.map((row) => row.id);
  if (layer.history) await client.query(namedQuery('parcels/record-version'), [ids, change, userId]);
  return ids;
}

/** Creates one feature: 201 with the stored Feature (replayed for a retried Idempotency-Key). */
export async function createFeature<P>(pool: pg.Pool, layer: Layer<P>, siteId: string, user: AuthenticatedUser | undefined, input: unknown, idempotencyKey?: string): Promise<StoredAnswer> {
  const access = await siteWithRole(pool, siteId, user, layer.editors);
  return idempotentWrite(pool, { userId: user!.id, key: idempotencyKey, request: { layer: layer.name, siteId, input } }, async (client) => {
    const check = await checkFeatures(client, siteId, await siteTolerance(client, siteId), [input], layer.rules);
    if (check.rejected[0]) throw faultError(check.rejected[0]);
    const feature = check.accepted[0]!;
    layer.assertMayEdit(access, layer.phasesOf(feature.properties));
    const [id] = await insertFeatures(client, layer, siteId, [feature], user!.id);
    return { status: 201, body: (await readFeature(client, layer, id!))!.feature };
  });
}

/**
 * Locks a feature for a versioned change: 404 if unknown or unreadable, 410 if deleted (layers with
 * history), 403 for a role that may not edit it, 409 with the current Feature if the version moved.
 */
async function lockForChange<P>(client: pg.PoolClient, layer: Layer<P>, id: string, user: AuthenticatedUser | undefined, expectedVersion: number) {
  const row = (await client.query<{ siteId: string; version: number; phases: number[] }>(namedQuery(`${layer.name}/lock`), [id])).rows[0];
  if (!row) {
    const last = layer.history ? (await client.query<{ siteId: string; change: string }>(namedQuery('parcels/last-version'), [id])).rows[0] : undefined;
    if (last) await siteWithRole(client, last.siteId, user, layer.editors, layer.noun);
    if (last?.change === 'delete') throw new HttpError(410, `${layer.noun}_deleted`, `this ${layer.noun} has been deleted`);
    throw notFound(layer.noun);
  }
  const access = await siteWithRole(client, row.siteId, user, layer.editors, layer.noun);
  layer.assertMayEdit(access, row.phases);
  if (row.version !== expectedVersion) {
    const current = await readFeature(client, layer, id);
    throw new HttpError(409, 'version_conflict', `the ${layer.noun} is at version ${row.version}, not ${expectedVersion}`, 'headers.if-match', { current: current!.feature });
  }
  return { ...row, access };
}

/** Applies a change (new geometry and/or properties, merged then checked in full) at the expected version. */
export async function updateFeature<P>(
  pool: pg.Pool, layer: Layer<P>, id: string, user: AuthenticatedUser | undefined, expectedVersion: number,
  patch: { geometry?: unknown; properties?: Record<string, unknown> }, change: 'update' | 'restore' = 'update',
): Promise<StoredFeature['feature']> {
  return withTransaction(pool, async (client) => {
    const locked = await lockForChange(client, layer, id, user, expectedVersion);
    const current = (await readFeature(client, layer, id))!.feature;
    const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...currentProperties } = current.properties;
    const { version: _sentVersion, updatedAt: _sentAt, updatedBy: _sentBy, ...patchProperties } = patch.properties ?? {};
    const merged = { type: 'Feature', geometry: patch.geometry ?? current.geometry, properties: { ...currentProperties, ...patchProperties } };
    const check = await checkFeatures(client, locked.siteId, await siteTolerance(client, locked.siteId), [merged], layer.rules);
    if (check.rejected[0]) throw faultError(check.rejected[0]);
    const feature = check.accepted[0]!;
    layer.assertMayEdit(locked.access, layer.phasesOf(feature.properties));
    await client.query(namedQuery(`${layer.name}/update`), [id, JSON.stringify(feature.geometry), JSON.stringify(feature.properties), user!.id]);
    if (layer.history) await client.query(namedQuery('parcels/record-version'), [[id], change, user!.id]);
    return (await readFeature(client, layer, id))!.feature;
  });
}

/** Deletes a feature at the expected version; a layer with history keeps every version. */
export async function deleteFeature<P>(pool: pg.Pool, layer: Layer<P>, id: string, user: AuthenticatedUser | undefined, expectedVersion: number): Promise<void> {
  await withTransaction(pool, async (client) => {
    await lockForChange(client, layer, id, user, expectedVersion);
    await client.query(namedQuery('changes/set-actor'), [user!.id]);
    if (layer.history) await client.query(namedQuery('parcels/record-deletion'), [id, user!.id]);
    await client.query(namedQuery(`${layer.name}/delete`), [id]);
  });
}
