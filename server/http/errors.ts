/** Stable error codes of the API; clients and tests rely on them. */
export const ERROR_CODES = {
  invalidRequest: 'invalid_request',
  notFound: 'not_found',
  phaseNotFound: 'phase_not_found',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  conflict: 'conflict',
  databaseUnavailable: 'database_unavailable',
  internal: 'internal_error',
} as const;

/** The JSON body of every error response. */
export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  location?: [number, number];
}

/** An error that becomes an HTTP response with this status and body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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
