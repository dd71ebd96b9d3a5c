import type { Request, RequestHandler } from 'express';
import type pg from 'pg';
import { namedQuery } from '../db/named-queries.js';
import { ERROR_CODES, HttpError } from '../http/errors.js';
import { hashSecret } from './secrets.js';
import type { AuthenticatedUser } from './user.js';

export const SESSION_COOKIE = 'tessera_session';

/** The session id of the request's cookie, if any. */
export function sessionCookie(req: Request): string | undefined {
  const sessionId: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof sessionId === 'string' ? sessionId : undefined;
}

/** Reads the session cookie or the `Authorization: Bearer` token and sets `res.locals.user`. */
export function authenticate(pool: pg.Pool): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new HttpError(401, ERROR_CODES.unauthenticated, 'the Authorization header must be "Bearer <token>"', 'headers.authorization');
      const { rows } = await pool.query<AuthenticatedUser>(namedQuery('auth/user-by-token'), [hashSecret(match[1]!)]);
      if (!rows[0]) throw new HttpError(401, ERROR_CODES.unauthenticated, 'this API token is unknown or revoked', 'headers.authorization');
      res.locals.user = rows[0];
      return next();
    }
    const sessionId = sessionCookie(req);
    if (sessionId) {
      const { rows } = await pool.query<AuthenticatedUser>(namedQuery('auth/user-by-session'), [hashSecret(sessionId)]);
      if (rows[0]) res.locals.user = rows[0];
    }
    next();
  };
}

/** The signed-in caller, or 401. */
export function requireUser(user: AuthenticatedUser | undefined): AuthenticatedUser {
  if (!user) throw new HttpError(401, ERROR_CODES.unauthenticated, 'sign in first');
  return user;
}
