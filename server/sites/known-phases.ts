import type pg from 'pg';
import { namedQuery } from '../db/named-queries.js';
import { ERROR_CODES, HttpError } from '../http/errors.js';

/** A phase a request names, with the field that names it (`query.phase`, `query.to`…). */
export interface NamedPhase {
  phase: number;
  field: string;
}

/** 404 `phase_not_found`, pointing at the field, for a phase a site does not have. */
export function phaseNotFound(phase: number, field: string): HttpError {
  return new HttpError(404, ERROR_CODES.phaseNotFound, `this site has no phase ${phase}`, field);
}

/** Throws `phaseNotFound` for the first of these phases the site does not have (one query for all). */
export async function assertPhasesExist(database: pg.Pool | pg.PoolClient, siteId: string, phases: NamedPhase[]): Promise<void> {
  const { rows } = await database.query<{ phase: number }>(namedQuery('phases/missing'), [siteId, phases.map((entry) => entry.phase)]);
  const missing = rows[0];
  if (missing) throw phaseNotFound(missing.phase, phases.find((entry) => entry.phase === missing.phase)!.field);
}
