import type pg from 'pg';
import type { z } from 'zod';
import type { Organisation, OrganisationInput, organisationPatchSchema, Service } from '../../core/index.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { namedQuery } from '../db/named-queries.js';
import { notFound } from '../http/errors.js';
import { requireAdministrator } from '../sites/site-admin.js';

/** Every organisation (gestionnaire), by name. */
export async function listOrganisations(pool: pg.Pool): Promise<Organisation[]> {
  return (await pool.query<Organisation>(namedQuery('organisations/list'))).rows;
}

/** Adds an organisation (an administrator of any site). */
export async function createOrganisation(pool: pg.Pool, user: AuthenticatedUser | undefined, input: OrganisationInput): Promise<Organisation> {
  await requireAdministrator(pool, user);
  const values = [input.name, input.shortName, input.kind, input.colour, input.parentId ?? null, input.contact ?? null];
  return (await pool.query<Organisation>(namedQuery('organisations/insert'), values)).rows[0]!;
}

/** Changes an organisation's fields (an administrator of any site); 404 for an unknown id. */
export async function updateOrganisation(
  pool: pg.Pool, organisationId: string, user: AuthenticatedUser | undefined, patch: z.infer<typeof organisationPatchSchema>,
): Promise<Organisation> {
  await requireAdministrator(pool, user);
  const { rows } = await pool.query<Organisation>(namedQuery('organisations/update'), [organisationId, JSON.stringify(patch)]);
  if (!rows[0]) throw notFound('organisation');
  return rows[0];
}

/** Deletes an organisation (an administrator of any site); 404 for an unknown id, 409 while parcels or operations refer to it. */
export async function deleteOrganisation(pool: pg.Pool, organisationId: string, user: AuthenticatedUser | undefined): Promise<void> {
  await requireAdministrator(pool, user);
  const { rowCount } = await pool.query(namedQuery('organisations/delete'), [organisationId]);
  if (!rowCount) throw notFound('organisation');
}

/** Every service (a kind of upkeep). */
export async function listServices(pool: pg.Pool): Promise<Service[]> {
  return (await pool.query<Service>(namedQuery('services/list'))).rows;
}
