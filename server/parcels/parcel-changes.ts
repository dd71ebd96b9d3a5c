import type pg from 'pg';
import type { ParcelChangeRequest, ParcelChangeResults, ParcelFeature, ParcelInputProperties } from '../../core/index.js';
import { siteWithRole, type SiteAccess } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { namedQuery } from '../db/named-queries.js';
import type { CheckedFeature } from '../features/check-features.js';
import { checkWrites, insertFeatures, lockForChange, patchedFeature, readFeature, recordVersions, type HistoryChange } from '../features/feature-writes.js';
import { HttpError } from '../http/errors.js';
import { idempotentWrite, type StoredAnswer } from '../http/idempotency.js';
import { planRestore } from './parcel-history.js';
import { parcelsLayer } from './parcels.layer.js';

/** One change once its parcel is locked and its version checked: what it writes, before the content checks. */
type PlannedChange =
  | { write: 'insert'; id?: string; version?: number; change: HistoryChange; content: unknown }
  | { write: 'update'; id: string; change: HistoryChange; content: unknown }
  | { write: 'delete'; id: string };

type CheckedParcel = CheckedFeature<ParcelInputProperties>;

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

/** The error of change `index`, pointing into the body, with the change's `index`. */
function inBatch(index: number, change: ParcelChangeRequest, error: HttpError): HttpError {
  return new HttpError(error.status, error.code, error.message, fieldInBatch(index, change, error.field), { ...error.details, index });
}

/** Locks a change's parcel and checks its version: what it writes, its content not checked yet. */
async function planChange(client: pg.PoolClient, siteId: string, user: AuthenticatedUser, change: ParcelChangeRequest): Promise<PlannedChange> {
  switch (change.action) {
    case 'create':
      return { write: 'insert', change: 'create', content: change.feature };
    case 'update':
      await lockForChange(client, parcelsLayer, change.id, user, change.version, siteId);
      return { write: 'update', id: change.id, change: 'update', content: await patchedFeature(client, parcelsLayer, change.id, change) };
    case 'delete':
      await lockForChange(client, parcelsLayer, change.id, user, change.version, siteId);
      return { write: 'delete', id: change.id };
    case 'restore': {
      const plan = await planRestore(client, change.id, user, change.version, change.expectedVersion, siteId);
      if (plan.kind === 'recreate') return { write: 'insert', id: change.id, version: plan.version, change: 'restore', content: plan.content };
      return { write: 'update', id: change.id, change: 'restore', content: await patchedFeature(client, parcelsLayer, change.id, plan.content) };
    }
  }
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

/** Plans every change in order (the first refused one stops all), then checks every new content at once. */
async function checkChanges(client: pg.PoolClient, access: SiteAccess, user: AuthenticatedUser, changes: ParcelChangeRequest[]) {
  const planned: PlannedChange[] = [];
  for (const [index, change] of changes.entries()) {
    try {
      planned.push(await planChange(client, access.siteId, user, change));
    } catch (error) {
      throw error instanceof HttpError ? inBatch(index, change, error) : error;
    }
  }
  const withContent = planned.flatMap((plan, index) => (plan.write === 'delete' ? [] : [{ index, content: plan.content }]));
  const contents = await checkWrites(client, parcelsLayer, access, withContent.map((entry) => entry.content), (position, error) => {
    const { index } = withContent[position]!;
    return inBatch(index, changes[index]!, error);
  });
  const checked: CheckedParcel[] = [];
  withContent.forEach((entry, position) => (checked[entry.index] = contents[position]!));
  return { planned, checked };
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
  return idempotentWrite(pool, { userId: user!.id, key: idempotencyKey, request }, async (client) => {
    const ids = changes.flatMap((change) => (change.action === 'create' ? [] : [change.id]));
    await client.query(namedQuery('parcels/lock-ids'), [ids]);
    const { planned, checked } = await checkChanges(client, access, user!, changes);
    const stored = await storeChanges(client, siteId, user!.id, planned, checked);
    const results: ParcelChangeResults['results'] = [];
    for (const id of stored) results.push(id === null ? null : ((await readFeature(client, parcelsLayer, id))!.feature as ParcelFeature));
    return { status: 200, body: { results } satisfies ParcelChangeResults };
  });
}
