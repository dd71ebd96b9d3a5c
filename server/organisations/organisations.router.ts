import { Router } from 'express';
import type pg from 'pg';
import type { Organisation, Service } from '../../core/index.js';
import { namedQuery } from '../db/named-queries.js';
import { route } from '../http/route.js';

/** Read routes of the reference lists: organisations and services. */
export function referenceRouter(pool: pg.Pool): Router {
  const router = Router();
  router.get('/organisations', route({}, async (_input, _req, res) => {
    res.json((await pool.query<Organisation>(namedQuery('organisations/list'))).rows);
  }));
  router.get('/services', route({}, async (_input, _req, res) => {
    res.json((await pool.query<Service>(namedQuery('services/list'))).rows);
  }));
  return router;
}
