import { Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { namedQuery } from '../db/named-queries.js';
import { notFound } from '../http/errors.js';
import { route } from '../http/route.js';
import { requireUser } from './authenticate.js';
import { hashSecret, newSecret } from './secrets.js';

const TOKEN_PREFIX = 'tsr_';
const newToken = z.object({ name: z.string().trim().min(1).max(100) }).strict();
const tokenParams = z.object({ tokenId: z.string().uuid() }).strict();

/** Personal API tokens for scripts and GIS clients; the secret is shown once, stored hashed. */
export function tokensRouter(pool: pg.Pool): Router {
  const router = Router();
  router.post('/tokens', route({ body: newToken }, async ({ body, user }, _req, res) => {
    const owner = requireUser(user);
    const secret = newSecret(TOKEN_PREFIX);
    const { rows } = await pool.query(namedQuery('auth/create-token'), [owner.id, body.name, hashSecret(secret)]);
    res.status(201).json({ ...rows[0], token: secret });
  }));
  router.get('/tokens', route({}, async ({ user }, _req, res) => {
    res.json((await pool.query(namedQuery('auth/list-tokens'), [requireUser(user).id])).rows);
  }));
  router.delete('/tokens/:tokenId', route({ params: tokenParams }, async ({ params, user }, _req, res) => {
    const { rowCount } = await pool.query(namedQuery('auth/revoke-token'), [params.tokenId, requireUser(user).id]);
    if (!rowCount) throw notFound('token');
    res.status(204).end();
  }));
  return router;
}
