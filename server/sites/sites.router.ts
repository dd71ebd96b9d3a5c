import { Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import type { Site } from '../../core/index.js';
import { notFound } from '../http/errors.js';
import { route } from '../http/route.js';
import * as queries from './sites.queries.js';

const siteParams = z.object({ siteId: z.string().uuid('siteId must be a UUID') }).strict();
const phaseQuery = z.object({ phase: z.coerce.number().int().min(0).default(0) }).strict();

/** The site if the caller may read it; anonymous callers read public sites only. */
async function readableSite(pool: pg.Pool, siteId: string): Promise<Site> {
  const site = await queries.findSite(pool, siteId);
  if (!site || !site.public) throw notFound('site');
  return site;
}

/** Read routes of sites and of their layers. */
export function sitesRouter(pool: pg.Pool): Router {
  const router = Router();
  router.get('/sites', route({}, async (_input, _req, res) => {
    res.json(await queries.listPublicSites(pool));
  }));
  router.get('/sites/:siteId', route({ params: siteParams }, async ({ params }, _req, res) => {
    res.json(await readableSite(pool, params.siteId));
  }));
  router.get('/sites/:siteId/phases', route({ params: siteParams }, async ({ params }, _req, res) => {
    await readableSite(pool, params.siteId);
    res.json(await queries.listPhases(pool, params.siteId));
  }));
  router.get('/sites/:siteId/parcels', route({ params: siteParams, query: phaseQuery }, async ({ params, query }, _req, res) => {
    await readableSite(pool, params.siteId);
    res.json(await queries.parcelsAtPhase(pool, params.siteId, query.phase));
  }));
  router.get('/sites/:siteId/buildings', route({ params: siteParams, query: phaseQuery }, async ({ params, query }, _req, res) => {
    await readableSite(pool, params.siteId);
    res.json(await queries.buildingsAtPhase(pool, params.siteId, query.phase));
  }));
  router.get('/sites/:siteId/context', route({ params: siteParams }, async ({ params }, _req, res) => {
    await readableSite(pool, params.siteId);
    res.json(await queries.contextFeatures(pool, params.siteId));
  }));
  return router;
}
