import { Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { expectedVersion, versionTag } from '../http/if-match.js';
import { route } from '../http/route.js';
import { parcelHistory } from './parcel-history.js';
import { restoreParcel } from './single-parcel-writes.js';

const parcelParams = z.object({ parcelId: z.string().uuid('parcelId must be a UUID') }).strict();
const restoreBody = z.object({ version: z.number().int().positive() }).strict();

/** A parcel's history and the restore of any version. */
export function parcelHistoryRouter(pool: pg.Pool): Router {
  const router = Router();
  router.get('/parcels/:parcelId/history', route({ params: parcelParams }, async ({ params, user }, _req, res) => {
    res.json(await parcelHistory(pool, params.parcelId, user));
  }));
  router.post('/parcels/:parcelId/restore', route({ params: parcelParams, body: restoreBody }, async ({ params, body, user }, req, res) => {
    const ifMatch = req.get('if-match') === undefined ? undefined : expectedVersion(req);
    const feature = await restoreParcel(pool, params.parcelId, user, body.version, ifMatch);
    res.set('ETag', versionTag(feature.properties.version as number)).json(feature);
  }));
  return router;
}
