import { Router } from 'express';
import type pg from 'pg';
import { namedQuery } from '../db/named-queries.js';
import { route } from '../http/route.js';

/** `GET /api/health`: the database answers, with PostGIS's version and the migrations applied. */
export function healthRouter(pool: pg.Pool): Router {
  const router = Router();
  router.get('/health', route({}, async (_input, _req, res) => {
    const { rows } = await pool.query<{ postgis: string; migrations: number }>(namedQuery('health/status'));
    res.json({ status: 'ok', postgis: rows[0]!.postgis, migrations: rows[0]!.migrations });
  }));
  return router;
}
