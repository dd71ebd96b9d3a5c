import { createHash, randomBytes } from 'node:crypto';

/** A new random secret for a session id or an API token (256 bits, base64url). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What is stored of a secret: its SHA-256, so a database leak reveals no usable session or token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
