import { Router } from 'express';
import type pg from 'pg';
import { route } from '../http/route.js';
import { databaseStatus } from './database-status.js';

/** `GET /api/health`: the database answers, with PostGIS's version and the migrations applied. */
export function healthRouter(pool: pg.Pool): Router {
  const router = Router();
  router.get('/health', route({}, async (_input, _req, res) => {
    res.json(await databaseStatus(pool));
  }));
  return router;
}
