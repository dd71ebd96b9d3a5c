import { GEOMETRY_FAULTS } from '../../core/geometry/geometry-faults.js';

/**
 * Every error code the API can answer, in one place; clients and tests rely on the string values, so
 * a value never changes. The geometry faults come from core, which finds them (the browser shows the
 * same codes before sending); the README's API section lists them all.
 */
export const ERROR_CODES = {
  // The request itself.
  invalidRequest: 'invalid_request',
  malformedJson: 'malformed_json',
  payloadTooLarge: 'payload_too_large',
  preconditionRequired: 'precondition_required',
  idempotencyKeyReused: 'idempotency_key_reused',
  // Who is calling.
  unauthenticated: 'unauthenticated',
  invalidCredentials: 'invalid_credentials',
  tooManyAttempts: 'too_many_attempts',
  forbidden: 'forbidden',
  // What the request points to.
  notFound: 'not_found',
  phaseNotFound: 'phase_not_found',
  parcelDeleted: 'parcel_deleted',
  currentPhase: 'current_phase',
  // The features written or imported.
  invalidFeature: 'invalid_feature',
  unknownProperty: 'unknown_property',
  unknownOrganisation: 'unknown_organisation',
  unknownService: 'unknown_service',
  unknownPhase: 'unknown_phase',
  outsideSite: 'outside_site',
  tooManyFeatures: 'too_many_features',
  importRejected: 'import_rejected',
  // The stored state and the database.
  conflict: 'conflict',
  versionConflict: 'version_conflict',
  inUse: 'in_use',
  unknownReference: 'unknown_reference',
  ruleViolation: 'rule_violation',
  databaseUnavailable: 'database_unavailable',
  internal: 'internal_error',
  // A geometry (a feature's or a site's perimeter) that is not a valid area.
  ...GEOMETRY_FAULTS,
} as const;

/** One of the API's error codes. */
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** One fault of a request: what, why, and the faulty field. */
export interface ErrorItem {
  code: ErrorCode;
  message: string;
  field: string;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  location?: [number, number];
  /** Every fault of a request that failed validation; the first is repeated at the top level. */
  errors?: ErrorItem[];
}

/** An error that becomes an HTTP response with this status and body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** More members of the body: the fault's `location`, the `current` Feature of a 409… */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The response body. */
  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...(this.field === undefined ? {} : { field: this.field }), ...this.details };
  }
}

/** 404 with the same answer whether the object does not exist or may not be seen. */
export function notFound(what: string): HttpError {
  return new HttpError(404, ERROR_CODES.notFound, `${what} not found`);
}
