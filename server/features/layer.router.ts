import express, { Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { featurePatchSchema } from '../../core/index.js';
import { readableSite } from '../auth/site-access.js';
import { notFound } from '../http/errors.js';
import { expectedVersion, versionTag } from '../http/if-match.js';
import { route } from '../http/route.js';
import { siteParams } from '../http/site-params.js';
import { featureWrites, readFeature, type FeatureWrites } from './feature-writes.js';
import { importFeatures } from './import-features.js';
import type { Layer } from './layer.js';

const featureParams = z.object({ featureId: z.string().uuid('the id must be a UUID') }).strict();
const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((value) => value === 'true') }).strict();
const featureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).passthrough();
const anyObject = z.record(z.string(), z.unknown());

/** Body parser of imports: up to 20 MB, mounted before the 1 MB parser of every other route. */
export const importBodyParser = express.json({ limit: '20mb' });

/** Writes of one layer: create, import, read one, change and delete with If-Match (through `writes`: the layer's own, or the generic ones). */
export function layerRouter<P>(pool: pg.Pool, layer: Layer<P>, writes: FeatureWrites = featureWrites(layer)): Router {
  const router = Router();
  router.post(`/sites/:siteId/${layer.name}`, route({ params: siteParams, body: anyObject }, async ({ params, body, user }, req, res) => {
    const answer = await writes.create(pool, params.siteId, user, body, req.get('idempotency-key'));
    res.status(answer.status).set('ETag', versionTag(1)).json(answer.body);
  }));
  router.post(`/sites/:siteId/${layer.name}/import`, route({ params: siteParams, query: importQuery, body: featureCollection }, async ({ params, query, body, user }, req, res) => {
    const answer = await importFeatures(pool, layer, params.siteId, user, body.features, { dryRun: query.dryRun, idempotencyKey: req.get('idempotency-key') });
    res.status(answer.status).json(answer.body);
  }));
  router.get(`/${layer.name}/:featureId`, route({ params: featureParams }, async ({ params, user }, _req, res) => {
    const stored = await readFeature(pool, layer, params.featureId);
    if (!stored) throw notFound(layer.noun);
    await readableSite(pool, stored.siteId, user, layer.noun);
    res.set('ETag', versionTag(stored.version)).json(stored.feature);
  }));
  router.patch(`/${layer.name}/:featureId`, route({ params: featureParams, body: featurePatchSchema }, async ({ params, body, user }, req, res) => {
    const feature = await writes.update(pool, params.featureId, user, expectedVersion(req), body);
    res.set('ETag', versionTag(feature.properties.version as number)).json(feature);
  }));
  router.delete(`/${layer.name}/:featureId`, route({ params: featureParams }, async ({ params, user }, req, res) => {
    await writes.remove(pool, params.featureId, user, expectedVersion(req));
    res.status(204).end();
  }));
  return router;
}
