import type { Request } from 'express';
import { ERROR_CODES, HttpError } from './errors.js';

/** The version a client says it changes, from `If-Match: "<version>"`: 428 when missing. */
export function expectedVersion(req: Request): number {
  const header = req.get('if-match');
  if (header === undefined) {
    throw new HttpError(428, ERROR_CODES.preconditionRequired, 'send If-Match: "<version>" with the version you edited', 'headers.if-match');
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new HttpError(400, ERROR_CODES.invalidRequest, 'If-Match must be a version like "3"', 'headers.if-match');
  return Number(match[1]);
}

/** The version as an ETag. */
export function versionTag(version: number): string {
  return `"${version}"`;
}
