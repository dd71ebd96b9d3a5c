import type pg from 'pg';
import type { UnitCosts } from '../../core/index.js';
import { namedQuery } from '../db/named-queries.js';
import { withTransaction } from '../db/transaction.js';

interface UnitCostRow {
  service: string;
  organisationId: string | null;
  eurosPerM2Year: number;
}

/** The unit costs of a site, per service. */
export async function readUnitCosts(database: pg.Pool | pg.PoolClient, siteId: string): Promise<Record<string, UnitCosts>> {
  const { rows } = await database.query<UnitCostRow>(namedQuery('analysis/unit-costs'), [siteId]);
  const costs: Record<string, UnitCosts> = {};
  for (const row of rows) {
    const service = (costs[row.service] ??= { default: null, byOrganisation: {} });
    if (row.organisationId === null) service.default = row.eurosPerM2Year;
    else service.byOrganisation[row.organisationId] = row.eurosPerM2Year;
  }
  return costs;
}

/** Replaces the unit costs of the services given, in one transaction. */
export async function replaceUnitCosts(pool: pg.Pool, siteId: string, costs: Record<string, UnitCosts>): Promise<void> {
  const rows: UnitCostRow[] = Object.entries(costs).flatMap(([service, cost]) => [
    ...(cost.default === null ? [] : [{ service, organisationId: null, eurosPerM2Year: cost.default }]),
    ...Object.entries(cost.byOrganisation).map(([organisationId, eurosPerM2Year]) => ({ service, organisationId, eurosPerM2Year })),
  ]);
  await withTransaction(pool, async (client) => {
    await client.query(namedQuery('analysis/delete-unit-costs'), [siteId, Object.keys(costs)]);
    await client.query(namedQuery('analysis/insert-unit-costs'), [siteId, JSON.stringify(rows)]);
  });
}

/** The cost rate of an organisation: its own, else the default; null for nobody or when none is known. */
export function unitCostOf(costs: UnitCosts | undefined, organisationId: string | null): number | null {
  if (!costs || organisationId === null) return null;
  return costs.byOrganisation[organisationId] ?? costs.default;
}
