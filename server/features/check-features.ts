import type pg from 'pg';
import type { ZodType } from 'zod';
import type { MultiPolygon } from '../../core/index.js';
import { validateAreaGeometry } from '../../core/geometry/validate-area-geometry.js';
import { namedQuery } from '../db/named-queries.js';
import { ERROR_CODES, type ErrorCode } from '../http/errors.js';

/** A row that a feature's properties point to and that must exist. */
export interface Reference {
  kind: 'organisation' | 'service' | 'phase';
  field: string;
  value: string | number;
}

/** The phases that a feature alive over [fromPhase, toPhase) refers to. */
export function phaseRangeReferences(properties: { fromPhase: number; toPhase?: number | null }): Reference[] {
  return [
    { kind: 'phase', field: 'fromPhase', value: properties.fromPhase },
    ...(properties.toPhase != null ? [{ kind: 'phase' as const, field: 'toPhase', value: properties.toPhase }] : []),
  ];
}

/** How to check the features of one layer (parcels, buildings, operations). */
export interface FeatureRules<P> {
  schema: ZodType<{ geometry?: unknown; properties: P }>;
  references(properties: P): Reference[];
}

/** A feature that passed every rule, ready to store. */
export interface CheckedFeature<P> {
  geometry: MultiPolygon;
  properties: P;
}

/** Why one feature was refused: the HTTP status it maps to and the error body. */
export interface FeatureFault {
  index: number;
  status: 400 | 422;
  code: ErrorCode;
  message: string;
  field: string;
  location?: [number, number];
}

export interface FeatureCheck<P> {
  accepted: Array<CheckedFeature<P>>;
  rejected: FeatureFault[];
}

type Queryable = pg.Pool | pg.PoolClient;

/** The code of a reference to a row that does not exist, by kind of row. */
const UNKNOWN_REFERENCE_CODES: Record<Reference['kind'], ErrorCode> = {
  organisation: ERROR_CODES.unknownOrganisation,
  service: ERROR_CODES.unknownService,
  phase: ERROR_CODES.unknownPhase,
};
type Slots<P> = Array<CheckedFeature<P> | null>;

/** Shape (zod, strict) and geometry of each feature, without the database. */
function checkShapes<P>(features: unknown[], rules: FeatureRules<P>, tolerance: number, rejected: FeatureFault[]): Slots<P> {
  return features.map((feature, index) => {
    const parsed = rules.schema.safeParse(feature);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const code = issue.code === 'unrecognized_keys' ? ERROR_CODES.unknownProperty : ERROR_CODES.invalidFeature;
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
}

/** Every organisation, service and phase the features refer to must exist (phases: on this site). */
async function checkReferences<P>(database: Queryable, siteId: string, slots: Slots<P>, rules: FeatureRules<P>, rejected: FeatureFault[]): Promise<void> {
  const references = slots.map((slot) => (slot ? rules.references(slot.properties) : []));
  const values = (kind: Reference['kind']) => [...new Set(references.flat().filter((reference) => reference.kind === kind).map((reference) => reference.value))];
  const { rows } = await database.query<{ organisations: string[]; services: string[]; phases: number[] }>(namedQuery('rules/references'), [
    siteId, values('organisation'), values('service'), values('phase'),
  ]);
  const found = { organisation: new Set<unknown>(rows[0]!.organisations), service: new Set<unknown>(rows[0]!.services), phase: new Set<unknown>(rows[0]!.phases) };
  references.forEach((featureReferences, index) => {
    const missing = featureReferences.find((reference) => !found[reference.kind].has(reference.value));
    if (!missing) return;
    const where = missing.kind === 'phase' ? ' on this site' : '';
    rejected.push({ index, status: 422, code: UNKNOWN_REFERENCE_CODES[missing.kind], field: `properties.${missing.field}`, message: `there is no ${missing.kind} ${missing.value}${where}` });
    slots[index] = null;
  });
}

/** Each feature must meet the site's perimeter (partly outside is allowed: that is overflow). */
async function checkInsideSite<P>(database: Queryable, siteId: string, slots: Slots<P>, rejected: FeatureFault[]): Promise<void> {
  const indexes = slots.flatMap((slot, index) => (slot ? [index] : []));
  if (indexes.length === 0) return;
  const geometries = indexes.map((index) => JSON.stringify(slots[index]!.geometry));
  const { rows } = await database.query<{ index: string; intersects: boolean }>(namedQuery('rules/intersects-site'), [siteId, JSON.stringify(geometries)]);
  for (const row of rows.filter((candidate) => !candidate.intersects)) {
    const index = indexes[Number(row.index)]!;
    rejected.push({ index, status: 422, code: ERROR_CODES.outsideSite, field: 'geometry', message: "the feature does not meet the site's perimeter" });
    slots[index] = null;
  }
}

/** Checks features against every rule: shape, geometry, references, site. Reports every fault. */
export async function checkFeatures<P>(database: Queryable, siteId: string, tolerance: number, features: unknown[], rules: FeatureRules<P>): Promise<FeatureCheck<P>> {
  const rejected: FeatureFault[] = [];
  const slots = checkShapes(features, rules, tolerance, rejected);
  await checkReferences(database, siteId, slots, rules, rejected);
  await checkInsideSite(database, siteId, slots, rejected);
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: slots.filter((slot): slot is CheckedFeature<P> => slot !== null), rejected };
}
