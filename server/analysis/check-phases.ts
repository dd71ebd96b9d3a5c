import type pg from 'pg';
import { namedQuery } from '../db/named-queries.js';
import { ERROR_CODES, HttpError } from '../http/errors.js';
import { assertPhasesExist, type NamedPhase } from '../sites/known-phases.js';

/** 404 unless the site has these phases (field per phase), 400 unless the service exists; whether the analysis is materialised. */
export async function checkPhasesAndService(
  database: pg.Pool | pg.PoolClient, siteId: string, phases: NamedPhase[], service: string | null,
): Promise<{ materialised: boolean }> {
  await assertPhasesExist(database, siteId, phases);
  const { rows } = await database.query<{ serviceExists: boolean; materialised: boolean }>(namedQuery('analysis/check-phase-service'), [siteId, phases.map((entry) => entry.phase), service]);
  if (!rows[0]!.serviceExists) throw new HttpError(400, ERROR_CODES.invalidRequest, `unknown service ${service}`, 'query.service');
  return { materialised: rows[0]!.materialised };
}
