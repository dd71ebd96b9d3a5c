import { Router } from 'express';
import type pg from 'pg';
import { siteWithRole } from '../auth/site-access.js';
import { route } from '../http/route.js';
import { siteParams } from '../http/site-params.js';
import { analysisQuery, compareQuery, unitCostsBody, whoQuery } from './analysis.schema.js';
import { comparePhases } from './compare-phases.js';
import { readSiteAnalysis } from './site-analysis.js';
import { readUnitCosts, replaceUnitCosts } from './unit-costs.js';
import { whoManages } from './who-manages.js';

/** Roles that set the unit costs of a site. */
const COST_EDITORS = ['admin', 'project'] as const;

/** The analysis of a site (materialised), phase comparison, who manages a point, and unit costs (the site is readable: `readableSiteGuard`). */
export function analysisRouter(pool: pg.Pool): Router {
  const router = Router();
  router.get('/sites/:siteId/analysis', route({ params: siteParams, query: analysisQuery }, async ({ params, query }, _req, res) => {
    res.json(await readSiteAnalysis(pool, params.siteId, query.phase, query.service));
  }));
  router.get('/sites/:siteId/compare', route({ params: siteParams, query: compareQuery }, async ({ params, query }, _req, res) => {
    res.json(await comparePhases(pool, params.siteId, query.from, query.to, query.service));
  }));
  router.get('/sites/:siteId/who', route({ params: siteParams, query: whoQuery }, async ({ params, query }, _req, res) => {
    res.json(await whoManages(pool, params.siteId, query.phase, [query.lon, query.lat]));
  }));
  router.get('/sites/:siteId/unit-costs', route({ params: siteParams }, async ({ params }, _req, res) => {
    res.json(await readUnitCosts(pool, params.siteId));
  }));
  router.put('/sites/:siteId/unit-costs', route({ params: siteParams, body: unitCostsBody }, async ({ params, body, user }, _req, res) => {
    await siteWithRole(pool, params.siteId, user, COST_EDITORS);
    await replaceUnitCosts(pool, params.siteId, body);
    res.json(await readUnitCosts(pool, params.siteId));
  }));
  return router;
}
