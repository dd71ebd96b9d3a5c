import { Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { organisationInputSchema, organisationPatchSchema } from '../../core/index.js';
import { route } from '../http/route.js';
import { createOrganisation, deleteOrganisation, listOrganisations, listServices, updateOrganisation } from './organisations.js';

const organisationParams = z.object({ organisationId: z.string().uuid('the id must be a UUID') }).strict();

/** The reference lists: organisations (administrators edit them) and services. */
export function referenceRouter(pool: pg.Pool): Router {
  const router = Router();
  router.get('/organisations', route({}, async (_input, _req, res) => {
    res.json(await listOrganisations(pool));
  }));
  router.post('/organisations', route({ body: organisationInputSchema }, async ({ body, user }, _req, res) => {
    res.status(201).json(await createOrganisation(pool, user, body));
  }));
  router.patch('/organisations/:organisationId', route({ params: organisationParams, body: organisationPatchSchema }, async ({ params, body, user }, _req, res) => {
    res.json(await updateOrganisation(pool, params.organisationId, user, body));
  }));
  router.delete('/organisations/:organisationId', route({ params: organisationParams }, async ({ params, user }, _req, res) => {
    await deleteOrganisation(pool, params.organisationId, user);
    res.status(204).end();
  }));
  router.get('/services', route({}, async (_input, _req, res) => {
    res.json(await listServices(pool));
  }));
  return router;
}
