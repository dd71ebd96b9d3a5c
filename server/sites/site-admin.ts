import type pg from 'pg';
import type { z } from 'zod';
import type { Phase, PhaseInput, phasePatchSchema, SiteInput, SitePatch } from '../../core/index.js';
import { validateAreaGeometry } from '../../core/geometry/validate-area-geometry.js';
import { requireUser } from '../auth/authenticate.js';
import { siteWithRole } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { namedQuery } from '../db/named-queries.js';
import { ERROR_CODES, HttpError } from '../http/errors.js';
import { phaseNotFound } from './known-phases.js';

/** A user who administers at least one site may create sites and organisations. */
export async function requireAdministrator(pool: pg.Pool, user: AuthenticatedUser | undefined): Promise<AuthenticatedUser> {
  const caller = requireUser(user);
  const { rows } = await pool.query<{ isAdmin: boolean }>(namedQuery('access/is-admin-anywhere'), [caller.id]);
  if (!rows[0]!.isAdmin) throw new HttpError(403, ERROR_CODES.forbidden, 'only an administrator of a site may do this');
  return caller;
}

/** The perimeter as a valid MultiPolygon, or 422 with the fault and its location. */
function checkedPerimeter(perimeter: unknown): string {
  const result = validateAreaGeometry(perimeter, {});
  if (!result.valid) {
    throw new HttpError(422, result.reason, result.message, result.path ? `body.perimeter.${result.path}` : 'body.perimeter', result.location ? { location: result.location } : {});
  }
  return JSON.stringify(result.geometry);
}

/** Creates a site with its phase 0; the creator becomes its admin. */
export async function createSite(pool: pg.Pool, user: AuthenticatedUser | undefined, input: SiteInput): Promise<string> {
  const creator = await requireAdministrator(pool, user);
  const perimeter = checkedPerimeter(input.perimeter);
  const { rows } = await pool.query<{ id: string }>(namedQuery('sites/insert'), [
    input.name, input.commune, input.description ?? null, perimeter, input.srid, input.tolerance, input.public, creator.id,
  ]);
  return rows[0]!.id;
}

/** Changes a site's fields (admin of the site). */
export async function updateSite(pool: pg.Pool, siteId: string, user: AuthenticatedUser | undefined, patch: SitePatch): Promise<void> {
  await siteWithRole(pool, siteId, user, ['admin']);
  const changes = patch.perimeter === undefined ? patch : { ...patch, perimeter: JSON.parse(checkedPerimeter(patch.perimeter)) };
  await pool.query(namedQuery('sites/update'), [siteId, JSON.stringify(changes)]);
}

/** Deletes a site and everything in it (admin of the site). */
export async function deleteSite(pool: pg.Pool, siteId: string, user: AuthenticatedUser | undefined): Promise<void> {
  await siteWithRole(pool, siteId, user, ['admin']);
  await pool.query(namedQuery('sites/delete'), [siteId]);
}

/** Roles that define the renewal phases. */
const PHASE_EDITORS = ['admin', 'project'] as const;

/** A phase by ordinal after a change, or 404 `phase_not_found` on `params.ordinal`. */
function phaseOr404(phase: Phase | undefined, ordinal: number): Phase {
  if (!phase) throw phaseNotFound(ordinal, 'params.ordinal');
  return phase;
}

/** Adds a phase to a site (admin or project team), at its ordinal or after the last one. */
export async function createPhase(pool: pg.Pool, siteId: string, user: AuthenticatedUser | undefined, input: PhaseInput): Promise<Phase> {
  await siteWithRole(pool, siteId, user, PHASE_EDITORS);
  const { rows } = await pool.query<Phase>(namedQuery('phases/insert'), [siteId, input.ordinal ?? null, input.name, input.kind, input.startsOn ?? null, input.endsOn ?? null]);
  return rows[0]!;
}

/** Changes a phase's fields (admin or project team); 404 `phase_not_found` for an ordinal the site does not have. */
export async function updatePhase(pool: pg.Pool, siteId: string, ordinal: number, user: AuthenticatedUser | undefined, patch: z.infer<typeof phasePatchSchema>): Promise<Phase> {
  await siteWithRole(pool, siteId, user, PHASE_EDITORS);
  const { rows } = await pool.query<Phase>(namedQuery('phases/update'), [siteId, ordinal, JSON.stringify(patch)]);
  return phaseOr404(rows[0], ordinal);
}

/** Deletes a phase (admin or project team), never phase 0 (422 `current_phase`); its rows go with it. */
export async function deletePhase(pool: pg.Pool, siteId: string, ordinal: number, user: AuthenticatedUser | undefined): Promise<void> {
  await siteWithRole(pool, siteId, user, PHASE_EDITORS);
  if (ordinal === 0) throw new HttpError(422, ERROR_CODES.currentPhase, 'phase 0 (the current state) cannot be deleted', 'params.ordinal');
  const { rowCount } = await pool.query(namedQuery('phases/delete'), [siteId, ordinal]);
  if (!rowCount) phaseOr404(undefined, ordinal);
}
