import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { CHECK_VIOLATION, FOREIGN_KEY_VIOLATION, UNIQUE_VIOLATION } from '../db/sqlstates.js';
import { ERROR_CODES, HttpError, type ErrorBody, type ErrorItem } from './errors.js';

/** SQLSTATE codes that mean the database cannot answer right now (57014: statement_timeout hit). */
const UNAVAILABLE_SQLSTATES = new Set(['57014', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EPIPE']);

function isDatabaseUnavailable(error: Error & { code?: string }): boolean {
  if (error.code && (UNAVAILABLE_SQLSTATES.has(error.code) || UNAVAILABLE_ERRNOS.has(error.code))) return true;
  return /timeout exceeded when trying to connect|Connection terminated/i.test(error.message);
}

/** One zod issue as a fault, with the path of the faulty field in the request. */
function validationItem(issue: ZodError['issues'][number], source: string): ErrorItem {
  const path = issue.path.join('.');
  return { code: ERROR_CODES.invalidRequest, message: issue.message, field: path ? `${source}.${path}` : source };
}

/** The body of a 400: every zod issue in `errors`, the first one also at the top level (as clients read it). */
function validationBody(error: ZodError, source: string): ErrorBody {
  const errors = error.issues.map((issue) => validationItem(issue, source));
  const first = errors[0] ?? { code: ERROR_CODES.invalidRequest, message: 'invalid request', field: source };
  return { ...first, errors: errors.length > 0 ? errors : [first] };
}

/** A zod error raised while parsing one part of the request (params, query or body). */
export class RequestValidationError extends Error {
  constructor(
    readonly zodError: ZodError,
    readonly source: string,
  ) {
    super(zodError.message);
  }
}

/** Maps every error to a JSON response; unknown errors are logged and answered generically. */
export const errorHandler: ErrorRequestHandler = (error: Error & { code?: string; status?: number; type?: string }, _req, res, _next) => {
  if (error instanceof HttpError) {
    res.status(error.status).json(error.toBody());
  } else if (error instanceof RequestValidationError) {
    res.status(400).json(validationBody(error.zodError, error.source));
  } else if (error.type === 'entity.parse.failed') {
    res.status(400).json({ code: ERROR_CODES.malformedJson, message: 'the request body is not valid JSON', field: 'body' });
  } else if (error.type === 'entity.too.large') {
    res.status(413).json({ code: ERROR_CODES.payloadTooLarge, message: 'the request body is too large', field: 'body' });
  } else if (error.code === FOREIGN_KEY_VIOLATION && /still referenced/.test(String((error as { detail?: string }).detail))) {
    res.status(409).json({ code: ERROR_CODES.inUse, message: 'this is still referred to by other records (parcels, operations…): change those first' });
  } else if (error.code === FOREIGN_KEY_VIOLATION) {
    res.status(422).json({ code: ERROR_CODES.unknownReference, message: 'this refers to a record that does not exist' });
  } else if (error.code === CHECK_VIOLATION) {
    res.status(422).json({ code: ERROR_CODES.ruleViolation, message: `the database refused this change (${(error as { constraint?: string }).constraint ?? 'a check'}): a geometry must be valid by OGC rules, phases in order` });
  } else if (error.code === UNIQUE_VIOLATION) {
    res.status(409).json({ code: ERROR_CODES.conflict, message: 'this already exists' });
  } else if (isDatabaseUnavailable(error)) {
    console.error('database unavailable:', error.message);
    res.status(503).set('Retry-After', '5').json({ code: ERROR_CODES.databaseUnavailable, message: 'the database is unavailable, try again shortly' });
  } else {
    console.error('unexpected error:', error);
    res.status(500).json({ code: ERROR_CODES.internal, message: 'an unexpected error occurred' });
  }
};

/** 404 for any /api path that no route answers. */
export const unknownRoute: RequestHandler = (req, res) => {
  res.status(404).json({ code: ERROR_CODES.notFound, message: `no route for ${req.method} ${req.path}` });
};
