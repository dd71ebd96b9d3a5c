import { Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { phaseInputSchema, phasePatchSchema, sitePatchSchema, siteInputSchema, type Phase } from '../../core/index.js';
import { siteWithRole } from '../auth/site-access.js';
import { namedQuery } from '../db/named-queries.js';
import { ERROR_CODES, HttpError } from '../http/errors.js';
import { route } from '../http/route.js';
import { createSite, deleteSite, PHASE_EDITORS, phaseOr404, updateSite } from './site-admin.js';
import { findSite } from './sites.queries.js';

const siteParams = z.object({ siteId: z.string().uuid('siteId must be a UUID') }).strict();
const phaseParams = z.object({ siteId: z.string().uuid('siteId must be a UUID'), ordinal: z.coerce.number().int().min(0).max(99) }).strict();

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
    await siteWithRole(pool, params.siteId, user, PHASE_EDITORS);
    const { rows } = await pool.query<Phase>(namedQuery('phases/insert'), [params.siteId, body.ordinal ?? null, body.name, body.kind, body.startsOn ?? null, body.endsOn ?? null]);
    res.status(201).json(rows[0]);
  }));
  router.patch('/sites/:siteId/phases/:ordinal', route({ params: phaseParams, body: phasePatchSchema }, async ({ params, body, user }, _req, res) => {
    await siteWithRole(pool, params.siteId, user, PHASE_EDITORS);
    const { rows } = await pool.query<Phase>(namedQuery('phases/update'), [params.siteId, params.ordinal, JSON.stringify(body)]);
    res.json(phaseOr404(rows[0], params.ordinal));
  }));
  router.delete('/sites/:siteId/phases/:ordinal', route({ params: phaseParams }, async ({ params, user }, _req, res) => {
    await siteWithRole(pool, params.siteId, user, PHASE_EDITORS);
    if (params.ordinal === 0) throw new HttpError(422, ERROR_CODES.currentPhase, 'phase 0 (the current state) cannot be deleted', 'params.ordinal');
    const { rowCount } = await pool.query(namedQuery('phases/delete'), [params.siteId, params.ordinal]);
    if (!rowCount) phaseOr404(undefined, params.ordinal);
    res.status(204).end();
  }));
  return router;
}
