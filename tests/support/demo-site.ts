import type pg from 'pg';
import type { MultiPolygon } from '../../core/index.js';

/** What tests need to know of the demo site once loaded. */
export interface DemoSite {
  siteId: string;
  /** Organisation ids by short name (Ville, Bailleur…). */
  organisationIds: Record<string, string>;
  /** A point inside the perimeter, [lon, lat]. */
  inside: [number, number];
}

/** Reads the loaded demo site's id, organisations and an inside point. */
export async function readDemoSite(pool: pg.Pool): Promise<DemoSite> {
  const site = (await pool.query('select id, ST_X(ST_PointOnSurface(perimeter)) as lon, ST_Y(ST_PointOnSurface(perimeter)) as lat from sites')).rows[0];
  const organisations = (await pool.query<{ id: string; short_name: string }>('select id, short_name from organisations')).rows;
  return {
    siteId: site.id,
    organisationIds: Object.fromEntries(organisations.map((organisation) => [organisation.short_name, organisation.id])),
    inside: [site.lon, site.lat],
  };
}

/**
 * A square MultiPolygon of about 15 m × 15 m at the point, shifted east by `step` metres or so, so
 * that test parcels differ (parcels may overlap: the analysis reports it, the API accepts it).
 */
export function squareNear([lon, lat]: [number, number], step = 0): MultiPolygon {
  const west = lon + step * 0.00001;
  const [east, north] = [west + 0.0002, lat + 0.00014];
  return { type: 'MultiPolygon', coordinates: [[[[west, lat], [east, lat], [east, north], [west, north], [west, lat]]]] };
}

/** A parcel Feature as a client sends it. */
export function parcelFeature(geometry: MultiPolygon, organisationId: string, properties: Record<string, unknown> = {}) {
  return { type: 'Feature', geometry, properties: { organisationId, services: ['nettoiement'], label: 'Parcelle de test', ...properties } };
}
