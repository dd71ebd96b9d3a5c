import { ERROR_CODES, HttpError } from '../http/errors.js';
import type { SiteAccess, SiteRole } from '../auth/site-access.js';

/** Roles that edit every parcel; the project team edits the parcels of future phases (≥ 1) only. */
export const PARCEL_EDITORS: readonly SiteRole[] = ['admin', 'coordinator', 'project'];

/** Refuses (403) a project-team member touching a parcel that exists at the current phase. */
export function assertMayEditPhases(access: SiteAccess, fromPhases: number[]): void {
  if (access.role === 'project' && fromPhases.some((phase) => phase < 1)) {
    throw new HttpError(403, ERROR_CODES.forbidden, 'the project team edits parcels of phases 1 and later only', 'properties.fromPhase');
  }
}
