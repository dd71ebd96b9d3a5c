import type pg from 'pg';
import { hashPassword } from '../auth/password.js';
import { namedQuery } from '../db/named-queries.js';
import { readDemoFiles } from './demo-files.js';

/**
 * Demo accounts, one per role and a second coordinator (the social landlord's, who draws on the
 * same site as the city's: two editors at once), created only with the demo data (README lists them).
 */
export const DEMO_ACCOUNTS = [
  { email: 'admin@tessera.demo', displayName: 'Admin (démo)', role: 'admin' },
  { email: 'coordination@tessera.demo', displayName: 'Coordination GUP (démo)', role: 'coordinator' },
  { email: 'bailleur@tessera.demo', displayName: 'Coordination bailleur (démo)', role: 'coordinator' },
  { email: 'projet@tessera.demo', displayName: 'Équipe projet PRU (démo)', role: 'project' },
  { email: 'elu@tessera.demo', displayName: 'Élu·e (démo)', role: 'viewer' },
] as const;

export const DEMO_PASSWORD = 'tessera-demo';

export interface DemoCounts {
  organisations: number;
  parcels: number;
  buildings: number;
  operations: number;
  contextFeatures: number;
}

type Keyed = Map<string, string>;

function idOf(keys: Keyed, key: string | null): string | null {
  if (key === null) return null;
  const id = keys.get(key);
  if (!id) throw new Error(`demo data: unknown organisation key ${key}`);
  return id;
}

async function insertOrganisations(client: pg.PoolClient, organisations: ReturnType<typeof readDemoFiles>['organisations']): Promise<Keyed> {
  const keys: Keyed = new Map();
  for (const organisation of organisations) {
    const { rows } = await client.query<{ id: string }>(
      'insert into organisations (name, short_name, kind, colour, contact) values ($1, $2, $3, $4, $5) returning id',
      [organisation.name, organisation.shortName, organisation.kind, organisation.colour, organisation.contact],
    );
    keys.set(organisation.key, rows[0]!.id);
  }
  for (const organisation of organisations.filter((candidate) => candidate.parentKey !== null)) {
    await client.query('update organisations set parent_id = $2 where id = $1', [idOf(keys, organisation.key), idOf(keys, organisation.parentKey)]);
  }
  return keys;
}

/** Loads the demo site in one transaction; returns what it wrote. */
export async function loadDemo(pool: pg.Pool): Promise<DemoCounts> {
  const demo = readDemoFiles();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(namedQuery('analysis/defer'));
    const organisationIds = await insertOrganisations(client, demo.organisations);
    const site = demo.site.properties;
    const { rows } = await client.query<{ id: string }>(
      `insert into sites (name, commune, description, perimeter, srid, tolerance, public)
       values ($1, $2, $3, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($4), 4326)), $5, $6, $7) returning id`,
      [site.name, site.commune, site.description, JSON.stringify(demo.site.geometry), site.srid, site.tolerance, site.public],
    );
    const siteId = rows[0]!.id;
    for (const phase of demo.phases) {
      await client.query('insert into phases (site_id, ordinal, name, kind, starts_on, ends_on) values ($1, $2, $3, $4, $5, $6)', [
        siteId, phase.ordinal, phase.name, phase.kind, phase.startsOn, phase.endsOn,
      ]);
    }
    for (const account of DEMO_ACCOUNTS) {
      const user = await client.query<{ id: string }>(
        `insert into users (email, display_name, password_hash) values ($1, $2, $3)
         on conflict (email) do update set display_name = excluded.display_name returning id`,
        [account.email, account.displayName, passwordHash],
      );
      await client.query('insert into site_roles (site_id, user_id, role) values ($1, $2, $3)', [siteId, user.rows[0]!.id, account.role]);
    }
    const features = (collection: { features: unknown[] }) => JSON.stringify(collection.features);
    await client.query(
      `insert into buildings (site_id, geom, label, source_ref, from_phase, to_phase)
       select $1, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(feature -> 'geometry'), 4326)), feature -> 'properties' ->> 'label',
              feature ->> 'id', (feature -> 'properties' ->> 'fromPhase')::int, (feature -> 'properties' ->> 'toPhase')::int
         from json_array_elements($2::json) as feature`,
      [siteId, features(demo.buildings)],
    );
    const parcels = demo.parcels.features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, organisation: idOf(organisationIds, feature.properties.organisation), owner: idOf(organisationIds, feature.properties.owner) },
    }));
    await client.query(
      `with inserted as (
         insert into parcels (site_id, geom, organisation_id, services, owner_id, label, agreement_ref, notes, from_phase, to_phase)
         select $1, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(feature -> 'geometry'), 4326)),
                (feature -> 'properties' ->> 'organisation')::uuid,
                array(select json_array_elements_text(feature -> 'properties' -> 'services')),
                (feature -> 'properties' ->> 'owner')::uuid, feature -> 'properties' ->> 'label',
                feature -> 'properties' ->> 'agreementRef', feature -> 'properties' ->> 'notes',
                (feature -> 'properties' ->> 'fromPhase')::int, (feature -> 'properties' ->> 'toPhase')::int
           from json_array_elements($2::json) as feature
         returning *)
       insert into parcel_versions (parcel_id, version, site_id, change, geom, organisation_id, services, owner_id,
                                    label, agreement_ref, notes, from_phase, to_phase, changed_at)
       select id, version, site_id, 'create', geom, organisation_id, services, owner_id,
              label, agreement_ref, notes, from_phase, to_phase, updated_at from inserted`,
      [siteId, JSON.stringify(parcels)],
    );
    const operations = demo.operations.features.map((feature) => ({
      ...feature,
      properties: { ...feature.properties, client: idOf(organisationIds, feature.properties.client) },
    }));
    await client.query(
      `insert into operations (site_id, geom, kind, phase, client_id, label, starts_on, ends_on)
       select $1, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(feature -> 'geometry'), 4326)), feature -> 'properties' ->> 'kind',
              (feature -> 'properties' ->> 'phase')::int, (feature -> 'properties' ->> 'client')::uuid,
              feature -> 'properties' ->> 'label', (feature -> 'properties' ->> 'startsOn')::date,
              (feature -> 'properties' ->> 'endsOn')::date
         from json_array_elements($2::json) as feature`,
      [siteId, JSON.stringify(operations)],
    );
    await client.query(
      `insert into context_features (site_id, layer, kind, name, geom)
       select $1, feature -> 'properties' ->> 'layer', feature -> 'properties' ->> 'kind', feature -> 'properties' ->> 'name',
              ST_SetSRID(ST_GeomFromGeoJSON(feature -> 'geometry'), 4326)
         from json_array_elements($2::json) as feature`,
      [siteId, features(demo.context)],
    );
    await client.query(namedQuery('analysis/recompute-site'), [siteId]);
    await client.query('commit');
    return {
      organisations: demo.organisations.length,
      parcels: demo.parcels.features.length,
      buildings: demo.buildings.features.length,
      operations: demo.operations.features.length,
      contextFeatures: demo.context.features.length,
    };
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** Loads the demo site unless the database already holds a site; returns the counts or null. */
export async function loadDemoIfEmpty(pool: pg.Pool): Promise<DemoCounts | null> {
  const { rows } = await pool.query<{ count: number }>('select count(*)::int as count from sites');
  return rows[0]!.count === 0 ? loadDemo(pool) : null;
}
