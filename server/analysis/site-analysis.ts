import type pg from 'pg';
import type { SiteAnalysis } from '../../core/index.js';
import { namedQuery } from '../db/named-queries.js';
import { withTransaction } from '../db/transaction.js';
import { checkPhasesAndService } from './check-phases.js';

/**
 * The materialised analysis of a site at a phase for a service; never recomputed here, except once
 * for a service created after the site was computed (no row yet).
 */
export async function readSiteAnalysis(pool: pg.Pool, siteId: string, phase: number, service: string): Promise<SiteAnalysis> {
  const { materialised } = await checkPhasesAndService(pool, siteId, [{ phase, field: 'query.phase' }], service);
  if (!materialised) await withTransaction(pool, (client) => client.query(namedQuery('analysis/recompute'), [siteId, phase, service]));
  const { rows } = await pool.query<{ analysis: SiteAnalysis }>(namedQuery('analysis/site-analysis'), [siteId, phase, service]);
  return rows[0]!.analysis;
}
