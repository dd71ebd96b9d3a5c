import type pg from 'pg';
import type { OrganisationChange, PhaseComparison } from '../../core/index.js';
import { namedQuery } from '../db/named-queries.js';
import { checkPhasesAndService } from './check-phases.js';
import { readUnitCosts, unitCostOf } from './unit-costs.js';

type Areas = Omit<OrganisationChange, 'costFrom' | 'costTo' | 'costChange'>;

/** How a service changes from one phase to another, computed on the fly (not a hot path), with yearly costs. */
export async function comparePhases(pool: pg.Pool, siteId: string, fromPhase: number, toPhase: number, service: string): Promise<PhaseComparison> {
  await checkPhasesAndService(pool, siteId, [{ phase: fromPhase, field: 'query.from' }, { phase: toPhase, field: 'query.to' }], service);
  const { rows } = await pool.query<{ comparison: Omit<PhaseComparison, 'fromPhase' | 'toPhase' | 'service' | 'yearlyCostChange' | 'organisations'> & { organisations: Areas[] } }>(
    namedQuery('analysis/compare-phases'), [siteId, fromPhase, toPhase, service],
  );
  const { organisations, ...comparison } = rows[0]!.comparison;
  const costs = (await readUnitCosts(pool, siteId))[service];
  const withCosts = organisations.map((areas): OrganisationChange => {
    const rate = unitCostOf(costs, areas.organisationId);
    const [costFrom, costTo] = rate === null ? [null, null] : [areas.areaFrom * rate, areas.areaTo * rate];
    return { ...areas, costFrom, costTo, costChange: costFrom === null || costTo === null ? null : costTo - costFrom };
  });
  const changes = withCosts.flatMap((change) => (change.costChange === null ? [] : [change.costChange]));
  return {
    fromPhase, toPhase, service,
    organisations: withCosts,
    transfers: comparison.transfers,
    yearlyCostChange: changes.length === 0 ? null : changes.reduce((sum, change) => sum + change, 0),
    gained: comparison.gained,
    lost: comparison.lost,
  };
}
