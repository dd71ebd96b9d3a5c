import { Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { route } from '../http/route.js';
import { createToken, listTokens, revokeToken } from './tokens.js';

const newToken = z.object({ name: z.string().trim().min(1).max(100) }).strict();
const tokenParams = z.object({ tokenId: z.string().uuid() }).strict();

/** Personal API tokens for scripts and GIS clients; the secret is shown once, stored hashed. */
export function tokensRouter(pool: pg.Pool): Router {
  const router = Router();
  router.post('/tokens', route({ body: newToken }, async ({ body, user }, _req, res) => {
    res.status(201).json(await createToken(pool, user, body.name));
  }));
  router.get('/tokens', route({}, async ({ user }, _req, res) => {
    res.json(await listTokens(pool, user));
  }));
  router.delete('/tokens/:tokenId', route({ params: tokenParams }, async ({ params, user }, _req, res) => {
    await revokeToken(pool, user, params.tokenId);
    res.status(204).end();
  }));
  return router;
}
