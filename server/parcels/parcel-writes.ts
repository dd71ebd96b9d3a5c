import type pg from 'pg';
import type { ParcelChangeRequest, ParcelFeature, ParcelInputProperties } from '../../core/index.js';
import type { SiteAccess } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { namedQuery } from '../db/named-queries.js';
import type { CheckedFeature } from '../features/check-features.js';
import {
  checkWrites, insertFeatures, lockForChange, patchedFeature, readFeatures, recordVersions, type ErrorAt, type HistoryChange,
} from '../features/feature-writes.js';
import { HttpError } from '../http/errors.js';
import { planRestore } from './parcel-history.js';
import { parcelsLayer } from './parcels.layer.js';

// Every write of parcels goes through writeParcelChanges: the single-parcel routes (one change) and
// the atomic sets of changes alike, so that they lock, check, store and answer the same way.

/** A change of a parcel: as in a set of changes, except that a lone restore may omit `expectedVersion` (no If-Match). */
export type ParcelWrite =
  | Exclude<ParcelChangeRequest, { action: 'restore' }>
  | (Omit<Extract<ParcelChangeRequest, { action: 'restore' }>, 'expectedVersion'> & { expectedVersion?: number });

/** One change once its parcel is locked and its version checked: what it writes and on whose access, before the content checks. */
type PlannedChange = { access: SiteAccess | null } & (
  | { write: 'insert'; id?: string; version?: number; change: HistoryChange; content: unknown }
  | { write: 'update'; id: string; change: HistoryChange; content: unknown }
  | { write: 'delete'; id: string }
);

type CheckedParcel = CheckedFeature<ParcelInputProperties>;

/** Locks a change's parcel and checks its version (the parcel must be of `siteId` when given): what it writes. */
async function planChange(client: pg.PoolClient, siteId: string | undefined, user: AuthenticatedUser, change: ParcelWrite): Promise<PlannedChange> {
  switch (change.action) {
    case 'create':
      return { access: null, write: 'insert', change: 'create', content: change.feature };
    case 'update': {
      const { access } = await lockForChange(client, parcelsLayer, change.id, user, change.version, siteId);
      return { access, write: 'update', id: change.id, change: 'update', content: await patchedFeature(client, parcelsLayer, change.id, change) };
    }
    case 'delete': {
      const { access } = await lockForChange(client, parcelsLayer, change.id, user, change.version, siteId);
      return { access, write: 'delete', id: change.id };
    }
    case 'restore': {
      const plan = await planRestore(client, change.id, user, change.version, change.expectedVersion, siteId);
      if (plan.kind === 'recreate') return { access: plan.access, write: 'insert', id: change.id, version: plan.version, change: 'restore', content: plan.content };
      return { access: plan.locked.access, write: 'update', id: change.id, change: 'restore', content: await patchedFeature(client, parcelsLayer, change.id, plan.content) };
    }
  }
}

/** Plans every change in order (the first refused one stops all), then checks every new content at once. */
async function checkChanges(client: pg.PoolClient, site: SiteAccess | null, user: AuthenticatedUser, changes: ParcelWrite[], errorAt: ErrorAt) {
  const planned: PlannedChange[] = [];
  for (const [index, change] of changes.entries()) {
    try {
      planned.push(await planChange(client, site?.siteId, user, change));
    } catch (error) {
      throw error instanceof HttpError ? errorAt(index, error) : error;
    }
  }
  // Without a site, the changes are one change of a known parcel: its site's access holds for the checks.
  const access = site ?? planned[0]?.access;
  if (!access) throw new Error('a parcel is created on a site: give the site whose access was checked');
  const withContent = planned.flatMap((plan, index) => (plan.write === 'delete' ? [] : [{ index, content: plan.content }]));
  const contents = await checkWrites(client, parcelsLayer, access, withContent.map((entry) => entry.content), (position, error) => errorAt(withContent[position]!.index, error));
  const checked: CheckedParcel[] = [];
  withContent.forEach((entry, position) => (checked[entry.index] = contents[position]!));
  return { siteId: access.siteId, planned, checked };
}

/**
 * Stores the checked changes, one statement per kind of write, so that the analysis and the change
 * notifications run once per kind (like an import's); returns each change's parcel id, null for a deletion.
 */
async function storeChanges(client: pg.PoolClient, siteId: string, userId: string, planned: PlannedChange[], checked: CheckedParcel[]): Promise<Array<string | null>> {
  const ids = planned.map((plan) => (plan.write === 'delete' ? null : (plan.id ?? null)));
  const updates = planned.flatMap((plan, index) => (plan.write === 'update' ? [{ id: plan.id, change: plan.change, ...checked[index]! }] : []));
  const inserted = planned.flatMap((plan, index) => (plan.write === 'insert' ? [index] : []));
  const deletions = planned.flatMap((plan) => (plan.write === 'delete' ? [plan.id] : []));
  await client.query(namedQuery('changes/set-actor'), [userId]);
  if (updates.length > 0) {
    await client.query(namedQuery('parcels/update-many'), [JSON.stringify(updates.map(({ id, geometry, properties }) => ({ id, geometry, properties }))), userId]);
    await recordVersions(client, parcelsLayer, updates, userId);
  }
  const inserts = inserted.map((index) => {
    const plan = planned[index] as Extract<PlannedChange, { write: 'insert' }>;
    return { ...checked[index]!, id: plan.id, version: plan.version, change: plan.change };
  });
  const insertedIds = await insertFeatures(client, parcelsLayer, siteId, inserts, userId);
  inserted.forEach((index, position) => (ids[index] = insertedIds[position]!));
  if (deletions.length > 0) {
    await client.query(namedQuery('parcels/record-deletion'), [deletions, userId]);
    await client.query(namedQuery('parcels/delete-many'), [deletions]);
  }
  return ids;
}

/** The parcels just stored (null for a deletion), in one query, matched by position (the ids as the client spelled them). */
async function readBack(client: pg.PoolClient, stored: Array<string | null>): Promise<Array<ParcelFeature | null>> {
  const ids = stored.filter((id) => id !== null);
  const rows = ids.length === 0 ? [] : await readFeatures(client, parcelsLayer, ids);
  if (rows.length !== ids.length) throw new Error(`read back ${rows.length} of the ${ids.length} parcels just written`);
  let position = 0;
  return stored.map((id) => (id === null ? null : (rows[position++]!.feature as ParcelFeature)));
}

/**
 * Writes parcel changes inside the caller's transaction, each with the checks and role limits of its
 * kind: creations, updates, deletions and restores, in one statement per kind of write. `site` is the
 * site whose access the caller checked (every parcel must be of it), or null for a lone change of a
 * known parcel, on its own site. The first refused change refuses them all (its error passed through
 * `errorAt`). Returns each change's parcel as stored (null when deleted), in order, read back in one query.
 */
export async function writeParcelChanges(
  client: pg.PoolClient, site: SiteAccess | null, user: AuthenticatedUser, changes: ParcelWrite[], errorAt: ErrorAt = (_index, error) => error,
): Promise<Array<ParcelFeature | null>> {
  const lockedIds = changes.flatMap((change) => (change.action === 'create' ? [] : [change.id]));
  if (lockedIds.length > 0) await client.query(namedQuery('parcels/lock-ids'), [lockedIds]);
  const { siteId, planned, checked } = await checkChanges(client, site, user, changes, errorAt);
  return readBack(client, await storeChanges(client, siteId, user.id, planned, checked));
}
