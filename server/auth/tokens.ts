import type pg from 'pg';
import { namedQuery } from '../db/named-queries.js';
import { notFound } from '../http/errors.js';
import { requireUser } from './authenticate.js';
import { hashSecret, newSecret } from './secrets.js';
import type { AuthenticatedUser } from './user.js';

const TOKEN_PREFIX = 'tsr_';

/** An API token as listed: never its secret. */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Creates a token for the caller; the secret is in the answer only, stored hashed. */
export async function createToken(pool: pg.Pool, user: AuthenticatedUser | undefined, name: string): Promise<ApiToken & { token: string }> {
  const owner = requireUser(user);
  const secret = newSecret(TOKEN_PREFIX);
  const { rows } = await pool.query<ApiToken>(namedQuery('auth/create-token'), [owner.id, name, hashSecret(secret)]);
  return { ...rows[0]!, token: secret };
}

/** The caller's tokens not revoked. */
export async function listTokens(pool: pg.Pool, user: AuthenticatedUser | undefined): Promise<ApiToken[]> {
  return (await pool.query<ApiToken>(namedQuery('auth/list-tokens'), [requireUser(user).id])).rows;
}

/** Revokes one of the caller's tokens; 404 for another user's, an unknown or a revoked one. */
export async function revokeToken(pool: pg.Pool, user: AuthenticatedUser | undefined, tokenId: string): Promise<void> {
  const { rowCount } = await pool.query(namedQuery('auth/revoke-token'), [tokenId, requireUser(user).id]);
  if (!rowCount) throw notFound('token');
}
