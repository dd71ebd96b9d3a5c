import type pg from 'pg';
import { namedQuery } from '../db/named-queries.js';
import { ERROR_CODES, HttpError } from '../http/errors.js';
import { verifyPassword } from './password.js';
import { hashSecret, newSecret } from './secrets.js';
import type { AuthenticatedUser } from './user.js';

/** How long a session lasts. */
export const SESSION_SECONDS = 12 * 3600;

/** The caller and their roles per site, as `GET /session` answers. */
export interface DescribedUser extends AuthenticatedUser {
  roles: Array<{ siteId: string; siteName: string; role: string }>;
}

/** A user and their roles per site; 401 when the user is gone. */
export async function describeUser(pool: pg.Pool, userId: string): Promise<DescribedUser> {
  const user = (await pool.query<AuthenticatedUser>(namedQuery('auth/user-by-id'), [userId])).rows[0];
  if (!user) throw new HttpError(401, ERROR_CODES.unauthenticated, 'sign in first');
  const roles = (await pool.query<DescribedUser['roles'][number]>(namedQuery('auth/roles-of-user'), [userId])).rows;
  return { ...user, roles };
}

/** Ends a session, if it still exists. */
export async function endSession(pool: pg.Pool, sessionId: string): Promise<void> {
  await pool.query(namedQuery('auth/delete-session'), [hashSecret(sessionId)]);
}

/**
 * Checks an e-mail and password (401 `invalid_credentials` for either wrong) and opens a new session,
 * ending `previousSessionId` when given: a new session id at each sign-in. Returns the id and the user.
 */
export async function signIn(pool: pg.Pool, email: string, password: string, previousSessionId?: string): Promise<{ sessionId: string; user: DescribedUser }> {
  const { rows } = await pool.query<{ id: string; passwordHash: string }>(namedQuery('auth/user-by-email'), [email]);
  const user = rows[0];
  if (!user || !(await verifyPassword(password, user.passwordHash))) {
    throw new HttpError(401, ERROR_CODES.invalidCredentials, 'unknown e-mail or wrong password', 'body.password');
  }
  if (previousSessionId !== undefined) await endSession(pool, previousSessionId);
  const sessionId = newSecret();
  await pool.query(namedQuery('auth/create-session'), [hashSecret(sessionId), user.id, SESSION_SECONDS]);
  return { sessionId, user: await describeUser(pool, user.id) };
}
