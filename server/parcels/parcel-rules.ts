import type pg from 'pg';
import { parcelInputSchema, type MultiPolygon, type ParcelInputProperties } from '../../core/index.js';
import { validateAreaGeometry } from '../../core/geometry/validate-area-geometry.js';
import { namedQuery } from '../db/named-queries.js';

/** A parcel that passed every rule, ready to store. */
export interface CheckedParcel {
  geometry: MultiPolygon;
  properties: ParcelInputProperties;
}

/** Why one feature was refused: the HTTP status it maps to and the error body. */
export interface ParcelFault {
  index: number;
  status: 400 | 422;
  code: string;
  message: string;
  field: string;
  location?: [number, number];
}

export interface ParcelCheck {
  accepted: CheckedParcel[];
  rejected: ParcelFault[];
}

type Queryable = pg.Pool | pg.PoolClient;

/** Shape and geometry of each feature, without the database. */
function checkShapes(features: unknown[], tolerance: number): { parcels: Array<CheckedParcel | null>; rejected: ParcelFault[] } {
  const rejected: ParcelFault[] = [];
  const parcels = features.map((feature, index): CheckedParcel | null => {
    const parsed = parcelInputSchema.safeParse(feature);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const code = issue.code === 'unrecognized_keys' ? 'unknown_property' : 'invalid_feature';
      rejected.push({ index, status: 400, code, message: issue.message, field: issue.path.join('.') || 'feature' });
      return null;
    }
    const geometry = validateAreaGeometry(parsed.data.geometry, { minArea: tolerance });
    if (!geometry.valid) {
      const field = geometry.path ? `geometry.${geometry.path}` : 'geometry';
      rejected.push({ index, status: 422, code: geometry.reason, message: geometry.message, field, ...(geometry.location ? { location: geometry.location } : {}) });
      return null;
    }
    return { geometry: geometry.geometry, properties: parsed.data.properties };
  });
  return { parcels, rejected };
}

/** Organisations, services and phases that every parcel refers to must exist (on this site). */
async function checkReferences(database: Queryable, siteId: string, parcels: Array<CheckedParcel | null>, rejected: ParcelFault[]): Promise<void> {
  const present = parcels.filter((parcel): parcel is CheckedParcel => parcel !== null);
  const organisations = new Set(present.flatMap((parcel) => [parcel.properties.organisationId, parcel.properties.ownerId ?? []].flat()));
  const services = new Set(present.flatMap((parcel) => parcel.properties.services));
  const phases = new Set(present.flatMap((parcel) => [parcel.properties.fromPhase, parcel.properties.toPhase ?? []].flat()));
  const { rows } = await database.query<{ organisations: string[]; services: string[]; phases: number[] }>(namedQuery('rules/references'), [
    siteId, [...organisations], [...services], [...phases],
  ]);
  const found = { organisations: new Set(rows[0]!.organisations), services: new Set(rows[0]!.services), phases: new Set(rows[0]!.phases) };
  parcels.forEach((parcel, index) => {
    if (!parcel) return;
    const properties = parcel.properties;
    const fault = (code: string, field: string, message: string) => {
      rejected.push({ index, status: 422, code, field: `properties.${field}`, message });
      parcels[index] = null;
    };
    if (!found.organisations.has(properties.organisationId)) fault('unknown_organisation', 'organisationId', `no organisation ${properties.organisationId}`);
    else if (properties.ownerId && !found.organisations.has(properties.ownerId)) fault('unknown_organisation', 'ownerId', `no organisation ${properties.ownerId}`);
    else if (properties.services.some((code) => !found.services.has(code))) fault('unknown_service', 'services', `unknown service ${properties.services.find((code) => !found.services.has(code))}`);
    else if (!found.phases.has(properties.fromPhase)) fault('unknown_phase', 'fromPhase', `this site has no phase ${properties.fromPhase}`);
    else if (properties.toPhase != null && !found.phases.has(properties.toPhase)) fault('unknown_phase', 'toPhase', `this site has no phase ${properties.toPhase}`);
  });
}

/** Each parcel must meet the site's perimeter (partly outside is allowed: that is overflow). */
async function checkInsideSite(database: Queryable, siteId: string, parcels: Array<CheckedParcel | null>, rejected: ParcelFault[]): Promise<void> {
  const indexes = parcels.flatMap((parcel, index) => (parcel ? [index] : []));
  if (indexes.length === 0) return;
  const geometries = indexes.map((index) => JSON.stringify(parcels[index]!.geometry));
  const { rows } = await database.query<{ index: number; intersects: boolean }>(namedQuery('rules/intersects-site'), [siteId, JSON.stringify(geometries)]);
  for (const row of rows.filter((candidate) => !candidate.intersects)) {
    const index = indexes[Number(row.index)]!;
    rejected.push({ index, status: 422, code: 'outside_site', field: 'geometry', message: "the parcel does not meet the site's perimeter" });
    parcels[index] = null;
  }
}

/** Checks features against every rule: shape, geometry, references, site. Reports all faults. */
export async function checkParcels(database: Queryable, siteId: string, tolerance: number, features: unknown[]): Promise<ParcelCheck> {
  const { parcels, rejected } = checkShapes(features, tolerance);
  await checkReferences(database, siteId, parcels, rejected);
  await checkInsideSite(database, siteId, parcels, rejected);
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: parcels.filter((parcel): parcel is CheckedParcel => parcel !== null), rejected };
}
