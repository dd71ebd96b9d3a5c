import { Router } from 'express';
import type pg from 'pg';
import { z } from 'zod';
import { organisationInputSchema, organisationPatchSchema, type Organisation, type Service } from '../../core/index.js';
import { namedQuery } from '../db/named-queries.js';
import { notFound } from '../http/errors.js';
import { route } from '../http/route.js';
import { requireAdministrator } from '../sites/site-admin.js';

const organisationParams = z.object({ organisationId: z.string().uuid('the id must be a UUID') }).strict();

/** The reference lists: organisations (administrators edit them) and services. */
export function referenceRouter(pool: pg.Pool): Router {
  const router = Router();
  router.get('/organisations', route({}, async (_input, _req, res) => {
    res.json((await pool.query<Organisation>(namedQuery('organisations/list'))).rows);
  }));
  router.post('/organisations', route({ body: organisationInputSchema }, async ({ body, user }, _req, res) => {
    await requireAdministrator(pool, user);
    const values = [body.name, body.shortName, body.kind, body.colour, body.parentId ?? null, body.contact ?? null];
    res.status(201).json((await pool.query<Organisation>(namedQuery('organisations/insert'), values)).rows[0]);
  }));
  router.patch('/organisations/:organisationId', route({ params: organisationParams, body: organisationPatchSchema }, async ({ params, body, user }, _req, res) => {
    await requireAdministrator(pool, user);
    const { rows } = await pool.query<Organisation>(namedQuery('organisations/update'), [params.organisationId, JSON.stringify(body)]);
    if (!rows[0]) throw notFound('organisation');
    res.json(rows[0]);
  }));
  router.delete('/organisations/:organisationId', route({ params: organisationParams }, async ({ params, user }, _req, res) => {
    await requireAdministrator(pool, user);
    const { rowCount } = await pool.query(namedQuery('organisations/delete'), [params.organisationId]);
    if (!rowCount) throw notFound('organisation');
    res.status(204).end();
  }));
  router.get('/services', route({}, async (_input, _req, res) => {
    res.json((await pool.query<Service>(namedQuery('services/list'))).rows);
  }));
  return router;
}
