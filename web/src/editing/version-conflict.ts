import type { MultiPolygon } from '../../../core/index.js';
import type { ParcelFormValues } from '../domain/parcel-form.js';

/** What two editors may both change in a parcel, compared one by one when a save meets someone else's. */
export const CONFLICT_FIELDS = ['organisationId', 'services', 'ownerId', 'label', 'agreementRef', 'notes', 'phases', 'geometry'] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];

/** One version of a parcel: its attributes as the form holds them, and its shape. */
export interface ParcelVersion {
  values: ParcelFormValues;
  geometry: MultiPolygon;
}

/** Who changed a field since the version both editors started from. */
export interface FieldChange {
  field: ConflictField;
  changedByMe: boolean;
  changedByThem: boolean;
}

/** Coordinates closer than this (degrees, ~5 mm) are the same: the API answers with 7 decimals, the editor draws with 9. */
const SAME_POSITION = 5e-8;

function sameGeometry(a: MultiPolygon, b: MultiPolygon): boolean {
  if (a === b) return true;
  const ringsA = a.coordinates.flat();
  const ringsB = b.coordinates.flat();
  if (a.coordinates.length !== b.coordinates.length || ringsA.length !== ringsB.length) return false;
  return ringsA.every((ring, index) => {
    const other = ringsB[index]!;
    return ring.length === other.length && ring.every((position, at) =>
      Math.abs(position[0]! - other[at]![0]!) <= SAME_POSITION && Math.abs(position[1]! - other[at]![1]!) <= SAME_POSITION);
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));

/** Whether two versions agree on a field (texts compared as the form saves them: trimmed). */
export function sameField(field: ConflictField, a: ParcelVersion, b: ParcelVersion): boolean {
  switch (field) {
    case 'services':
      return sameSet(a.values.services, b.values.services);
    case 'phases':
      return a.values.fromPhase === b.values.fromPhase && a.values.toPhase === b.values.toPhase;
    case 'geometry':
      return sameGeometry(a.geometry, b.geometry);
    default:
      return a.values[field].trim() === b.values[field].trim();
  }
}

/** Field by field, what I changed and what they changed since `base`, the version we both started from. */
export function compareVersions(base: ParcelVersion, mine: ParcelVersion, theirs: ParcelVersion): FieldChange[] {
  return CONFLICT_FIELDS.map((field) => ({
    field,
    changedByMe: !sameField(field, base, mine),
    changedByThem: !sameField(field, base, theirs),
  }));
}

/**
 * Their version with my changes on top: each field I changed is mine, every other one theirs, so
 * that neither editor's work is lost. Where we both changed a field, mine is kept (`bothChanged`
 * lists those, for the user to look at before saving).
 */
export function mergeVersions(base: ParcelVersion, mine: ParcelVersion, theirs: ParcelVersion): { merged: ParcelVersion; bothChanged: ConflictField[] } {
  const changes = compareVersions(base, mine, theirs);
  const mineFor = (field: ConflictField) => changes.find((change) => change.field === field)!.changedByMe;
  const pick = <K extends keyof ParcelFormValues>(key: K, field: ConflictField = key as ConflictField): ParcelFormValues[K] =>
    (mineFor(field) ? mine : theirs).values[key];
  const merged: ParcelVersion = {
    values: {
      organisationId: pick('organisationId'),
      services: [...pick('services')],
      ownerId: pick('ownerId'),
      label: pick('label'),
      agreementRef: pick('agreementRef'),
      notes: pick('notes'),
      fromPhase: pick('fromPhase', 'phases'),
      toPhase: pick('toPhase', 'phases'),
    },
    geometry: mineFor('geometry') ? mine.geometry : theirs.geometry,
  };
  const bothChanged = changes.filter((change) => change.changedByMe && change.changedByThem && !sameField(change.field, mine, theirs)).map((change) => change.field);
  return { merged, bothChanged };
}
