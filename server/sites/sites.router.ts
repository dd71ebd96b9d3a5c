import { Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { notFound } from '../http/errors.js';
import { route } from '../http/route.js';
import { phaseQueryValue, siteParams } from '../http/site-params.js';
import { assertPhasesExist } from './known-phases.js';
import * as queries from './sites.queries.js';

const optionalPhaseQuery = z.object({ phase: phaseQueryValue.optional() }).strict();
const phaseQuery = z.object({ phase: phaseQueryValue.default(0) }).strict();

/** Read routes of sites and of their layers (the site is readable: `readableSiteGuard`). */
export function sitesRouter(pool: pg.Pool): Router {
  const router = Router();
  router.get('/sites', route({}, async ({ user }, _req, res) => {
    res.json(await queries.listReadableSites(pool, user?.id ?? null));
  }));
  router.get('/sites/:siteId', route({ params: siteParams }, async ({ params }, _req, res) => {
    const site = await queries.findSite(pool, params.siteId);
    if (!site) throw notFound('site');
    res.json(site);
  }));
  router.get('/sites/:siteId/phases', route({ params: siteParams }, async ({ params }, _req, res) => {
    res.json(await queries.listPhases(pool, params.siteId));
  }));
  router.get('/sites/:siteId/parcels', route({ params: siteParams, query: phaseQuery }, async ({ params, query }, _req, res) => {
    await assertPhasesExist(pool, params.siteId, [{ phase: query.phase, field: 'query.phase' }]);
    res.json(await queries.parcelsAtPhase(pool, params.siteId, query.phase));
  }));
  router.get('/sites/:siteId/buildings', route({ params: siteParams, query: phaseQuery }, async ({ params, query }, _req, res) => {
    await assertPhasesExist(pool, params.siteId, [{ phase: query.phase, field: 'query.phase' }]);
    res.json(await queries.buildingsAtPhase(pool, params.siteId, query.phase));
  }));
  router.get('/sites/:siteId/operations', route({ params: siteParams, query: optionalPhaseQuery }, async ({ params, query }, _req, res) => {
    if (query.phase !== undefined) await assertPhasesExist(pool, params.siteId, [{ phase: query.phase, field: 'query.phase' }]);
    res.json(await queries.operationsOfSite(pool, params.siteId, query.phase ?? null));
  }));
  router.get('/sites/:siteId/context', route({ params: siteParams }, async ({ params }, _req, res) => {
    res.json(await queries.contextFeatures(pool, params.siteId));
  }));
  return router;
}
