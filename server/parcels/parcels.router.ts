import express, { Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { parcelPatchSchema } from '../../core/index.js';
import { readableSite } from '../auth/site-access.js';
import { notFound } from '../http/errors.js';
import { expectedVersion, versionTag } from '../http/if-match.js';
import { route } from '../http/route.js';
import { parcelHistory, restoreParcel } from './parcel-history.js';
import { importParcels } from './parcel-import.js';
import { createParcel, deleteParcel, readParcel, updateParcel } from './parcel-writes.js';

const siteParams = z.object({ siteId: z.string().uuid('siteId must be a UUID') }).strict();
const parcelParams = z.object({ parcelId: z.string().uuid('parcelId must be a UUID') }).strict();
const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((value) => value === 'true') }).strict();
const featureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).passthrough();
const anyObject = z.record(z.string(), z.unknown());

/** Body parser of imports: up to 20 MB, mounted before the 1 MB parser of every other route. */
export const importBodyParser = express.json({ limit: '20mb' });

/** Parcel writes, one parcel's reads, history, restore and import. */
export function parcelsRouter(pool: pg.Pool): Router {
  const router = Router();
  router.post('/sites/:siteId/parcels', route({ params: siteParams, body: anyObject }, async ({ params, body, user }, req, res) => {
    const answer = await createParcel(pool, params.siteId, user, body, req.get('idempotency-key'));
    res.status(answer.status).set('ETag', versionTag(1)).json(answer.body);
  }));
  router.post('/sites/:siteId/parcels/import', route({ params: siteParams, query: importQuery, body: featureCollection }, async ({ params, query, body, user }, req, res) => {
    const answer = await importParcels(pool, params.siteId, user, body.features, { dryRun: query.dryRun, idempotencyKey: req.get('idempotency-key') });
    res.status(answer.status).json(answer.body);
  }));
  router.get('/parcels/:parcelId', route({ params: parcelParams }, async ({ params, user }, _req, res) => {
    const parcel = await readParcel(pool, params.parcelId);
    if (!parcel) throw notFound('parcel');
    await readableSite(pool, parcel.siteId, user);
    res.set('ETag', versionTag(parcel.feature.properties.version)).json(parcel.feature);
  }));
  router.patch('/parcels/:parcelId', route({ params: parcelParams, body: parcelPatchSchema }, async ({ params, body, user }, req, res) => {
    const feature = await updateParcel(pool, params.parcelId, user, expectedVersion(req), body);
    res.set('ETag', versionTag(feature.properties.version)).json(feature);
  }));
  router.delete('/parcels/:parcelId', route({ params: parcelParams }, async ({ params, user }, req, res) => {
    await deleteParcel(pool, params.parcelId, user, expectedVersion(req));
    res.status(204).end();
  }));
  router.get('/parcels/:parcelId/history', route({ params: parcelParams }, async ({ params, user }, _req, res) => {
    res.json(await parcelHistory(pool, params.parcelId, user));
  }));
  router.post('/parcels/:parcelId/restore', route({ params: parcelParams, body: z.object({ version: z.number().int().positive() }).strict() }, async ({ params, body, user }, req, res) => {
    const ifMatch = req.get('if-match') === undefined ? undefined : expectedVersion(req);
    const feature = await restoreParcel(pool, params.parcelId, user, body.version, ifMatch);
    res.set('ETag', versionTag(feature.properties.version)).json(feature);
  }));
  return router;
}
