import { parcelInputPropertiesSchema, validateAreaGeometry, type Organisation, type ParcelProperties } from '../../../core/index.js';

/** The fields of the parcel attribute form, and `geometry` for faults of the drawn shape. */
export const PARCEL_FORM_FIELDS = ['organisationId', 'services', 'ownerId', 'label', 'agreementRef', 'notes', 'fromPhase', 'toPhase', 'geometry'] as const;
export type ParcelFormField = (typeof PARCEL_FORM_FIELDS)[number];

/** What the form holds: text inputs as strings ('' for empty), phases as numbers. */
export interface ParcelFormValues {
  organisationId: string;
  services: string[];
  ownerId: string;
  label: string;
  agreementRef: string;
  notes: string;
  fromPhase: number;
  toPhase: number | null;
}

/** One message per field: a stable code the UI translates, and the detail (zod's or the server's). */
export type ParcelFormErrors = Partial<Record<ParcelFormField, { code: string; detail: string }>>;

/** A blank form for a parcel drawn at `phase`, covering `serviceCode` when one is shown. */
export function emptyParcelForm(phase: number, serviceCode: string | null): ParcelFormValues {
  return { organisationId: '', services: serviceCode ? [serviceCode] : [], ownerId: '', label: '', agreementRef: '', notes: '', fromPhase: phase, toPhase: null };
}

/** The city's cleaning service, offered by default when a cleaning gap is filled (docs/README.md, "Who uses it"). */
const CLEANING_SERVICE = 'nettoiement';
const CITY_CLEANING_SHORT_NAME = 'Propreté';

/**
 * The form of a parcel filling a gap of `serviceCode`: that service ticked and, for cleaning, the
 * organisation named 'Propreté' (the city's cleaning service) when there is one; else the user chooses.
 */
export function gapFillForm(phase: number, serviceCode: string | null, organisations: readonly Organisation[]): ParcelFormValues {
  const cityCleaning = serviceCode === CLEANING_SERVICE
    ? organisations.find((organisation) => organisation.shortName === CITY_CLEANING_SHORT_NAME)
    : undefined;
  return { ...emptyParcelForm(phase, serviceCode), organisationId: cityCleaning?.id ?? '' };
}

/** The form filled with a stored parcel's properties. */
export function parcelFormOf(properties: ParcelProperties): ParcelFormValues {
  return {
    organisationId: properties.organisationId,
    services: [...properties.services],
    ownerId: properties.ownerId ?? '',
    label: properties.label ?? '',
    agreementRef: properties.agreementRef ?? '',
    notes: properties.notes ?? '',
    fromPhase: properties.fromPhase,
    toPhase: properties.toPhase,
  };
}

/**
 * The form field an error path points at: a zod path or a server `field` like `properties.services.0`,
 * also inside a batch (`changes.0.feature.properties.label`).
 */
export function fieldOfPath(path: string): ParcelFormField | null {
  const [first, second] = path.replace(/^body\./, '').replace(/^changes\.\d+\.(feature\.)?/, '').split('.');
  if (first === 'geometry') return 'geometry';
  const name = first === 'properties' ? second : first;
  return (PARCEL_FORM_FIELDS as readonly string[]).includes(name ?? '') ? (name as ParcelFormField) : null;
}

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * Checks the form and the drawn geometry with the same rules as the server (core's zod schema and
 * validateAreaGeometry) and returns what to send, or one error per field.
 */
export function checkParcelForm(
  values: ParcelFormValues,
  geometry: unknown,
  options: { minArea?: number } = {},
): { valid: true; properties: Record<string, unknown>; geometry: unknown } | { valid: false; errors: ParcelFormErrors } {
  const properties = {
    organisationId: values.organisationId,
    services: values.services,
    ownerId: blankToNull(values.ownerId),
    label: blankToNull(values.label),
    agreementRef: blankToNull(values.agreementRef),
    notes: blankToNull(values.notes),
    fromPhase: values.fromPhase,
    toPhase: values.toPhase,
  };
  const errors: ParcelFormErrors = {};
  const parsed = parcelInputPropertiesSchema.safeParse(properties);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path.map(String).join('.')) ?? 'geometry';
      errors[field] ??= { code: `invalid_${field}`, detail: issue.message };
    }
  }
  const checked = validateAreaGeometry(geometry, options);
  if (!checked.valid) errors.geometry = { code: checked.reason, detail: checked.message };
  if (!parsed.success || !checked.valid) return { valid: false, errors };
  return { valid: true, properties, geometry: checked.geometry };
}
