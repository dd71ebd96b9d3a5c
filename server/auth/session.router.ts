import { Router, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type pg from 'pg';
import { z } from 'zod';
import { namedQuery } from '../db/named-queries.js';
import { ERROR_CODES, HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { SESSION_COOKIE } from './authenticate.js';
import { verifyPassword } from './password.js';
import { hashSecret, newSecret } from './secrets.js';

const SESSION_SECONDS = 12 * 3600;
const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(200) }).strict();

export interface SessionOptions {
  /** Failed login attempts allowed per client address and quarter of an hour (successful ones are not counted). */
  loginAttempts?: number;
}

function setSessionCookie(res: Response, sessionId: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_SECONDS * 1000 });
}

/** Sign in (a new session id at each login), who am I (null when anonymous), sign out. */
export function sessionRouter(pool: pg.Pool, { loginAttempts = 10 }: SessionOptions = {}): Router {
  const router = Router();
  const loginLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: loginAttempts,
    // Only failures count: it stops password guessing, not a team signing in from one office address.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ code: ERROR_CODES.tooManyAttempts, message: 'too many sign-in attempts, try again in a quarter of an hour' });
    },
  });
  router.post('/session', loginLimiter, route({ body: credentials }, async ({ body }, req, res) => {
    const { rows } = await pool.query<{ id: string; passwordHash: string }>(namedQuery('auth/user-by-email'), [body.email]);
    const user = rows[0];
    if (!user || !(await verifyPassword(body.password, user.passwordHash))) {
      throw new HttpError(401, ERROR_CODES.invalidCredentials, 'unknown e-mail or wrong password', 'body.password');
    }
    const previous: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof previous === 'string') await pool.query(namedQuery('auth/delete-session'), [hashSecret(previous)]);
    const sessionId = newSecret();
    await pool.query(namedQuery('auth/create-session'), [hashSecret(sessionId), user.id, SESSION_SECONDS]);
    setSessionCookie(res, sessionId, req.secure);
    res.status(201).json(await describeUser(pool, user.id));
  }));
  // Asking whether one is signed in is not an error: anonymous callers get 200 and `null`.
  router.get('/session', route({}, async ({ user }, _req, res) => {
    res.json(user ? await describeUser(pool, user.id) : null);
  }));
  router.delete('/session', route({}, async (_input, req, res) => {
    const sessionId: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof sessionId === 'string') await pool.query(namedQuery('auth/delete-session'), [hashSecret(sessionId)]);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  }));
  return router;
}

/** The caller and their roles per site. */
async function describeUser(pool: pg.Pool, userId: string) {
  const user = (await pool.query('select id, email, display_name as "displayName" from users where id = $1', [userId])).rows[0];
  if (!user) throw new HttpError(401, ERROR_CODES.unauthenticated, 'sign in first');
  const roles = (await pool.query(namedQuery('auth/roles-of-user'), [userId])).rows;
  return { ...user, roles };
}
