import type pg from 'pg';
import type { BuildingCollection, ContextCollection, ParcelCollection, Phase, Site, SiteSummary } from '../../core/index.js';
import { namedQuery } from '../db/named-queries.js';

/** Sites the caller may read: public ones and those where they have a role. */
export async function listReadableSites(pool: pg.Pool, userId: string | null): Promise<SiteSummary[]> {
  return (await pool.query<SiteSummary>(namedQuery('sites/list-readable'), [userId])).rows;
}

/** One site, or null. */
export async function findSite(pool: pg.Pool, siteId: string): Promise<Site | null> {
  return (await pool.query<Site>(namedQuery('sites/get'), [siteId])).rows[0] ?? null;
}

/** The phases of a site, in order. */
export async function listPhases(pool: pg.Pool, siteId: string): Promise<Phase[]> {
  return (await pool.query<Phase>(namedQuery('phases/list'), [siteId])).rows;
}

async function collection<T>(pool: pg.Pool, queryName: string, values: unknown[]): Promise<T> {
  return (await pool.query<{ collection: T }>(namedQuery(queryName), values)).rows[0]!.collection;
}

/** The parcels alive at a phase. */
export function parcelsAtPhase(pool: pg.Pool, siteId: string, phase: number): Promise<ParcelCollection> {
  return collection(pool, 'parcels/feature-collection', [siteId, phase]);
}

/** The buildings standing at a phase. */
export function buildingsAtPhase(pool: pg.Pool, siteId: string, phase: number): Promise<BuildingCollection> {
  return collection(pool, 'buildings/feature-collection', [siteId, phase]);
}

/** The works operations of a site, of one phase or all. */
export function operationsOfSite(pool: pg.Pool, siteId: string, phase: number | null): Promise<unknown> {
  return collection(pool, 'operations/feature-collection', [siteId, phase]);
}

/** The base map layers of a site. */
export function contextFeatures(pool: pg.Pool, siteId: string): Promise<ContextCollection> {
  return collection(pool, 'context/feature-collection', [siteId]);
}
