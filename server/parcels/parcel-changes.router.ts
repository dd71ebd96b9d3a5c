import express, { Router } from 'express';
import type pg from 'pg';
import { parcelChangesSchema } from '../../core/index.js';
import { route } from '../http/route.js';
import { siteParams } from '../http/site-params.js';
import { applyParcelChanges } from './parcel-changes.js';

/** Path of the atomic set of parcel changes, for its body parser. */
export const PARCEL_CHANGES_PATH = /^\/api\/sites\/[^/]+\/parcels\/changes$/;

/** Body parser of a set of changes (up to 500 parcels): up to 10 MB, mounted before the 1 MB parser of other routes. */
export const parcelChangesBodyParser = express.json({ limit: '10mb' });

/** `POST /sites/:siteId/parcels/changes`: several parcels changed at once, all or nothing (one editor gesture). */
export function parcelChangesRouter(pool: pg.Pool): Router {
  const router = Router();
  router.post('/sites/:siteId/parcels/changes', route({ params: siteParams, body: parcelChangesSchema }, async ({ params, body, user }, req, res) => {
    const answer = await applyParcelChanges(pool, params.siteId, user, body.changes, req.get('idempotency-key'));
    res.status(answer.status).json(answer.body);
  }));
  return router;
}
