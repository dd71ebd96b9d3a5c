import { Router, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type pg from 'pg';
import { z } from 'zod';
import { ERROR_CODES } from '../http/errors.js';
import { route } from '../http/route.js';
import { SESSION_COOKIE, sessionCookie } from './authenticate.js';
import { describeUser, endSession, SESSION_SECONDS, signIn } from './sessions.js';

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
    const { sessionId, user } = await signIn(pool, body.email, body.password, sessionCookie(req));
    setSessionCookie(res, sessionId, req.secure);
    res.status(201).json(user);
  }));
  // Asking whether one is signed in is not an error: anonymous callers get 200 and `null`.
  router.get('/session', route({}, async ({ user }, _req, res) => {
    res.json(user ? await describeUser(pool, user.id) : null);
  }));
  router.delete('/session', route({}, async (_input, req, res) => {
    const sessionId = sessionCookie(req);
    if (sessionId !== undefined) await endSession(pool, sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  }));
  return router;
}
