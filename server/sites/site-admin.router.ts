import { Router } from 'express';
import type pg from 'pg';
import { phaseInputSchema, phasePatchSchema, sitePatchSchema, siteInputSchema } from '../../core/index.js';
import { route } from '../http/route.js';
import { phaseParams, siteParams } from '../http/site-params.js';
import { createPhase, createSite, deletePhase, deleteSite, updatePhase, updateSite } from './site-admin.js';
import { findSite } from './sites.queries.js';

/** Writes of sites and of their phases. */
export function siteAdminRouter(pool: pg.Pool): Router {
  const router = Router();
  router.post('/sites', route({ body: siteInputSchema }, async ({ body, user }, _req, res) => {
    res.status(201).json(await findSite(pool, await createSite(pool, user, body)));
  }));
  router.patch('/sites/:siteId', route({ params: siteParams, body: sitePatchSchema }, async ({ params, body, user }, _req, res) => {
    await updateSite(pool, params.siteId, user, body);
    res.json(await findSite(pool, params.siteId));
  }));
  router.delete('/sites/:siteId', route({ params: siteParams }, async ({ params, user }, _req, res) => {
    await deleteSite(pool, params.siteId, user);
    res.status(204).end();
  }));
  router.post('/sites/:siteId/phases', route({ params: siteParams, body: phaseInputSchema }, async ({ params, body, user }, _req, res) => {
    res.status(201).json(await createPhase(pool, params.siteId, user, body));
  }));
  router.patch('/sites/:siteId/phases/:ordinal', route({ params: phaseParams, body: phasePatchSchema }, async ({ params, body, user }, _req, res) => {
    res.json(await updatePhase(pool, params.siteId, params.ordinal, user, body));
  }));
  router.delete('/sites/:siteId/phases/:ordinal', route({ params: phaseParams }, async ({ params, user }, _req, res) => {
    await deletePhase(pool, params.siteId, params.ordinal, user);
    res.status(204).end();
  }));
  return router;
}
