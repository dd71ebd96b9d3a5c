import type { RequestHandler } from 'express';
import type pg from 'pg';
import { namedQuery } from '../db/named-queries.js';
import { ERROR_CODES, HttpError, notFound } from '../http/errors.js';
import { parsePart } from '../http/route.js';
import { siteParams } from '../http/site-params.js';
import type { AuthenticatedUser } from './user.js';

export const SITE_ROLES = ['admin', 'coordinator', 'project', 'viewer'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

/** What a caller may do on one site. */
export interface SiteAccess {
  siteId: string;
  role: SiteRole | null;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** The caller's access to the site of a `/sites/:siteId…` route (set by `readableSiteGuard`). */
      site?: SiteAccess;
    }
  }
}

/**
 * The caller's access to a site they may read: a role on it, or a public site. A site the caller
 * may not read answers 404, exactly like a site that does not exist (no leak); `noun` names the
 * object asked for (`parcel` for /api/parcels/:id), so that its 404 reads like an unknown id's.
 */
export async function readableSite(database: pg.Pool | pg.PoolClient, siteId: string, user: AuthenticatedUser | undefined, noun = 'site'): Promise<SiteAccess> {
  const { rows } = await database.query<{ public: boolean; role: SiteRole | null }>(namedQuery('access/site-access'), [siteId, user?.id ?? null]);
  const row = rows[0];
  if (!row || (!row.public && !row.role)) throw notFound(noun);
  return { siteId, role: row.role };
}

/** The caller's access if their role is one of `allowed`; 401 when anonymous, 403 otherwise. */
export async function siteWithRole(
  database: pg.Pool | pg.PoolClient, siteId: string, user: AuthenticatedUser | undefined, allowed: readonly SiteRole[], noun = 'site',
): Promise<SiteAccess> {
  const access = await readableSite(database, siteId, user, noun);
  if (!user) throw new HttpError(401, ERROR_CODES.unauthenticated, 'sign in to change this site');
  if (!access.role || !allowed.includes(access.role)) {
    throw new HttpError(403, ERROR_CODES.forbidden, `this needs one of the roles ${allowed.join(', ')} on this site`);
  }
  return access;
}

/**
 * Mounted on `/sites/:siteId`, before every route of a site: 400 for a malformed id, 404 for a site
 * the caller may not read (as for an unknown one), else the caller's access in `res.locals.site`.
 * The routes that write check the role they need on top (`siteWithRole`).
 */
export function readableSiteGuard(pool: pg.Pool): RequestHandler {
  return async (req, res, next) => {
    const { siteId } = parsePart(siteParams, req.params, 'params');
    res.locals.site = await readableSite(pool, siteId, res.locals.user);
    next();
  };
}
