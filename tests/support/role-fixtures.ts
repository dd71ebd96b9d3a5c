import type pg from 'pg';
import { hashPassword } from '../../server/auth/password.js';

/** Sign-in of the outsider: admin of another, private site and of nothing else. */
export const OUTSIDER = { email: 'outsider@tessera.test', password: 'outsider-password' } as const;

/** A user without any role, owner of tokens that other callers must not see. */
export const BYSTANDER = { email: 'bystander@tessera.test', password: 'bystander-password' } as const;

async function insertUser(pool: pg.Pool, email: string, password: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    'insert into users (email, display_name, password_hash) values ($1, $2, $3) returning id',
    [email, email, await hashPassword(password)],
  );
  return rows[0]!.id;
}

/**
 * Creates a second, private site over the same ground as `siteId` (phases 0 and 1), the outsider
 * (its admin) and the bystander; returns the second site's id.
 */
export async function createOtherSite(pool: pg.Pool, siteId: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into sites (name, commune, perimeter, srid, tolerance, public)
     select 'Autre site', commune, perimeter, srid, tolerance, false from sites where id = $1 returning id`,
    [siteId],
  );
  const otherSiteId = rows[0]!.id;
  await pool.query(`insert into phases (site_id, ordinal, name, kind) values ($1, 0, 'État actuel', 'existant'), ($1, 1, 'Travaux', 'transitoire')`, [otherSiteId]);
  const outsiderId = await insertUser(pool, OUTSIDER.email, OUTSIDER.password);
  await pool.query(`insert into site_roles (site_id, user_id, role) values ($1, $2, 'admin')`, [otherSiteId, outsiderId]);
  await insertUser(pool, BYSTANDER.email, BYSTANDER.password);
  return otherSiteId;
}

/** A copy of a site (perimeter, visibility, phase 0, every role on it), to change or delete. */
export async function copySite(pool: pg.Pool, siteId: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `with copy as (
       insert into sites (name, commune, perimeter, srid, tolerance, public)
       select name || ' (copie)', commune, perimeter, srid, tolerance, public from sites where id = $1 returning id),
     phase as (insert into phases (site_id, ordinal, name, kind) select id, 0, 'État actuel', 'existant' from copy),
     roles as (insert into site_roles (site_id, user_id, role) select copy.id, user_id, role from copy, site_roles where site_roles.site_id = $1)
     select id from copy`,
    [siteId],
  );
  return rows[0]!.id;
}

/** A new phase of a site, after its last one; returns its ordinal. */
export async function addPhase(pool: pg.Pool, siteId: string): Promise<number> {
  const { rows } = await pool.query<{ ordinal: number }>(
    `insert into phases (site_id, ordinal, name, kind)
     select $1, max(ordinal) + 1, 'Phase de test', 'transitoire' from phases where site_id = $1 returning ordinal`,
    [siteId],
  );
  return rows[0]!.ordinal;
}

/** A new organisation; returns its id. */
export async function addOrganisation(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into organisations (name, short_name, kind, colour) values ('Organisation de test', 'Test', 'autre', '#123456') returning id`,
  );
  return rows[0]!.id;
}

/** One row read with SQL (counts, a version, a name): what a refused write must leave as it was. */
export async function readRow(pool: pg.Pool, sql: string, values: unknown[] = []): Promise<Record<string, unknown> | null> {
  return (await pool.query(sql, values)).rows[0] ?? null;
}
