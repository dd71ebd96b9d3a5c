import type pg from 'pg';
import { namedQuery } from '../db/named-queries.js';
import { ERROR_CODES, HttpError } from '../http/errors.js';

/** 400 unless the site has these phases (field per phase) and the service exists; whether the analysis is materialised. */
export async function checkPhasesAndService(
  database: pg.Pool | pg.PoolClient, siteId: string, phases: Array<{ phase: number; field: string }>, service: string | null,
): Promise<{ materialised: boolean }> {
  for (const { phase, field } of phases) {
    const { rows } = await database.query<{ phasesExist: boolean }>(namedQuery('analysis/check-phase-service'), [siteId, [phase], null]);
    if (!rows[0]!.phasesExist) throw new HttpError(400, ERROR_CODES.invalidRequest, `this site has no phase ${phase}`, field);
  }
  const { rows } = await database.query<{ serviceExists: boolean; materialised: boolean }>(namedQuery('analysis/check-phase-service'), [siteId, phases.map((entry) => entry.phase), service]);
  if (!rows[0]!.serviceExists) throw new HttpError(400, ERROR_CODES.invalidRequest, `unknown service ${service}`, 'query.service');
  return { materialised: rows[0]!.materialised };
}
