import type pg from 'pg';
import type { FeaturePatch } from '../../core/index.js';
import { siteWithRole, type SiteAccess } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { namedQuery } from '../db/named-queries.js';
import { withTransaction } from '../db/transaction.js';
import { ERROR_CODES, HttpError, notFound } from '../http/errors.js';
import { idempotentWrite, type StoredAnswer } from '../http/idempotency.js';
import { checkFeatures, type CheckedFeature, type FeatureFault } from './check-features.js';
import type { Layer } from './layer.js';

// The steps of every write run inside the caller's transaction (lock, merge, check, store). The
// single-feature writes below serve the layers without history (buildings, operations); every parcel
// write, single or in a set, goes through one function built on these steps (parcels/parcel-writes.ts).

type Queryable = pg.Pool | pg.PoolClient;

/** A stored feature with its site and version. */
export interface StoredFeature {
  siteId: string;
  version: number;
  feature: { type: 'Feature'; id: string; geometry: unknown; properties: Record<string, unknown> };
}

/** How a version entered the history (parcel_versions.change). */
export type HistoryChange = 'create' | 'update' | 'restore';

/** A feature locked for a change, with the caller's access to its site. */
export interface LockedFeature {
  id: string;
  siteId: string;
  version: number;
  phases: number[];
  access: SiteAccess;
}

/** Rewrites the error of the `index`-th feature of a write (a batch points into its body); as is by default. */
export type ErrorAt = (index: number, error: HttpError) => HttpError;

const asIs: ErrorAt = (_index, error) => error;

/** A fault of a single-feature write as an HTTP error. */
export function faultError(fault: FeatureFault): HttpError {
  return new HttpError(fault.status, fault.code, fault.message, fault.field, fault.location ? { location: fault.location } : {});
}

/** The site's tolerance (m²): geometries smaller than it are refused. */
export async function siteTolerance(database: Queryable, siteId: string): Promise<number> {
  return (await database.query<{ tolerance: number }>(namedQuery('sites/tolerance'), [siteId])).rows[0]!.tolerance;
}

/** Stored features of a layer, in the order of `ids`, in one query (unknown ids are left out). */
export async function readFeatures(database: Queryable, layer: Layer<unknown>, ids: string[]): Promise<StoredFeature[]> {
  return (await database.query<StoredFeature>(namedQuery(`${layer.name}/features`), [ids])).rows;
}

/** One stored feature of a layer, or null. */
export async function readFeature(database: Queryable, layer: Layer<unknown>, id: string): Promise<StoredFeature | null> {
  return (await readFeatures(database, layer, [id]))[0] ?? null;
}

/**
 * Locks a feature for a versioned change: 404 if unknown or unreadable (or, given `siteId`, of another
 * site: the same answer), 410 if deleted (layers with history), 403 for a role that may not edit it,
 * 409 with the current Feature if the version moved.
 */
export async function lockForChange<P>(
  client: pg.PoolClient, layer: Layer<P>, id: string, user: AuthenticatedUser | undefined, expectedVersion: number, siteId?: string,
): Promise<LockedFeature> {
  const row = (await client.query<{ siteId: string; version: number; phases: number[] }>(namedQuery(`${layer.name}/lock`), [id])).rows[0];
  const elsewhere = (featureSiteId: string) => siteId !== undefined && featureSiteId !== siteId;
  if (!row) {
    const last = layer.history ? (await client.query<{ siteId: string; change: string }>(namedQuery(`${layer.name}/last-version`), [id])).rows[0] : undefined;
    if (!last || elsewhere(last.siteId)) throw notFound(layer.noun);
    await siteWithRole(client, last.siteId, user, layer.editors, layer.noun);
    if (last.change === 'delete') throw new HttpError(410, ERROR_CODES.parcelDeleted, `this ${layer.noun} has been deleted`);
    throw notFound(layer.noun);
  }
  if (elsewhere(row.siteId)) throw notFound(layer.noun);
  const access = await siteWithRole(client, row.siteId, user, layer.editors, layer.noun);
  layer.assertMayEdit(access, row.phases);
  if (row.version !== expectedVersion) {
    const current = await readFeature(client, layer, id);
    throw new HttpError(409, ERROR_CODES.versionConflict, `the ${layer.noun} is at version ${row.version}, not ${expectedVersion}`, 'headers.if-match', { current: current!.feature });
  }
  return { id, ...row, access };
}

/** What a patch makes of a stored feature: its current content with the patch merged over it (read-only properties dropped). */
export async function patchedFeature<P>(client: pg.PoolClient, layer: Layer<P>, id: string, patch: FeaturePatch): Promise<unknown> {
  const current = (await readFeature(client, layer, id))!.feature;
  const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...currentProperties } = current.properties;
  const { version: _sentVersion, updatedAt: _sentAt, updatedBy: _sentBy, ...patchProperties } = patch.properties ?? {};
  return { type: 'Feature', geometry: patch.geometry ?? current.geometry, properties: { ...currentProperties, ...patchProperties } };
}

/**
 * Checks the features an editor writes on a site: every rule (the first fault, by index, is thrown),
 * then the phase limits of the editor's role (403). Returns them checked, in order.
 */
export async function checkWrites<P>(client: pg.PoolClient, layer: Layer<P>, access: SiteAccess, features: unknown[], errorAt: ErrorAt = asIs): Promise<Array<CheckedFeature<P>>> {
  const check = await checkFeatures(client, access.siteId, await siteTolerance(client, access.siteId), features, layer.rules);
  const fault = check.rejected[0];
  if (fault) throw errorAt(fault.index, faultError(fault));
  for (const [index, feature] of check.accepted.entries()) {
    try {
      layer.assertMayEdit(access, layer.phasesOf(feature.properties));
    } catch (error) {
      throw error instanceof HttpError ? errorAt(index, error) : error;
    }
  }
  return check.accepted;
}

/** Records versions of features in the history (layers that keep one), one statement per kind of change. */
export async function recordVersions<P>(client: pg.PoolClient, layer: Layer<P>, entries: Array<{ id: string; change: HistoryChange }>, userId: string): Promise<void> {
  if (!layer.history) return;
  for (const change of new Set(entries.map((entry) => entry.change))) {
    const ids = entries.filter((entry) => entry.change === change).map((entry) => entry.id);
    await client.query(namedQuery(`${layer.name}/record-version`), [ids, change, userId]);
  }
}

/**
 * Stores checked features in one statement (ids and versions given for a re-creation) and their
 * history rows (`change` unless a feature says otherwise); returns their ids, in order.
 */
export async function insertFeatures<P>(
  client: pg.PoolClient, layer: Layer<P>, siteId: string, features: Array<CheckedFeature<P> & { id?: string; version?: number; change?: HistoryChange }>,
  userId: string, change: HistoryChange = 'create',
): Promise<string[]> {
  if (features.length === 0) return [];
  const { rows } = await client.query<{ id: string }>(namedQuery(`${layer.name}/insert`), [siteId, JSON.stringify(features), userId]);
  const ids = rows.map((row) => row.id);
  await recordVersions(client, layer, ids.map((id, index) => ({ id, change: features[index]!.change ?? change })), userId);
  return ids;
}

/** The single-feature writes behind a layer's routes (`POST …/<layer>`, `PATCH` and `DELETE /<layer>/:id`). */
export interface FeatureWrites {
  /** Creates one feature: 201 with the stored Feature (replayed for a retried Idempotency-Key). */
  create(pool: pg.Pool, siteId: string, user: AuthenticatedUser | undefined, input: unknown, idempotencyKey?: string): Promise<StoredAnswer>;
  /** Applies a patch (merged then checked in full) at the expected version; answers the stored Feature. */
  update(pool: pg.Pool, id: string, user: AuthenticatedUser | undefined, expectedVersion: number, patch: FeaturePatch): Promise<StoredFeature['feature']>;
  /** Deletes a feature at the expected version. */
  remove(pool: pg.Pool, id: string, user: AuthenticatedUser | undefined, expectedVersion: number): Promise<void>;
}

/** The single-feature writes of a layer without history, on its own insert, update and delete queries. */
export function featureWrites<P>(layer: Layer<P>): FeatureWrites {
  if (layer.history) throw new Error(`the ${layer.name} keep a history: they write through their own FeatureWrites`);
  return {
    async create(pool, siteId, user, input, idempotencyKey) {
      const access = await siteWithRole(pool, siteId, user, layer.editors);
      return idempotentWrite(pool, { userId: user!.id, key: idempotencyKey, request: { layer: layer.name, siteId, input } }, async (client) => {
        const [feature] = await checkWrites(client, layer, access, [input]);
        const [id] = await insertFeatures(client, layer, siteId, [feature!], user!.id);
        return { status: 201, body: (await readFeature(client, layer, id!))!.feature };
      });
    },
    update: (pool, id, user, expectedVersion, patch) => withTransaction(pool, async (client) => {
      const locked = await lockForChange(client, layer, id, user, expectedVersion);
      const [feature] = await checkWrites(client, layer, locked.access, [await patchedFeature(client, layer, id, patch)]);
      await client.query(namedQuery(`${layer.name}/update`), [id, JSON.stringify(feature!.geometry), JSON.stringify(feature!.properties), user!.id]);
      return (await readFeature(client, layer, id))!.feature;
    }),
    remove: (pool, id, user, expectedVersion) => withTransaction(pool, async (client) => {
      await lockForChange(client, layer, id, user, expectedVersion);
      await client.query(namedQuery('changes/set-actor'), [user!.id]);
      await client.query(namedQuery(`${layer.name}/delete`), [id]);
    }),
  };
}
