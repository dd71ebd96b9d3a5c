import { createHash } from 'node:crypto';
import type pg from 'pg';
import { namedQuery } from '../db/named-queries.js';
import { withTransaction } from '../db/transaction.js';
import { UNIQUE_VIOLATION } from '../db/sqlstates.js';
import { ERROR_CODES, HttpError } from './errors.js';

/** An HTTP answer a use case produced: replayed as is for a retried request. */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** The answer already given to this key, or null; 422 if the key was used for another request. */
async function replay(database: pg.Pool | pg.PoolClient, userId: string, key: string, requestHash: string): Promise<StoredAnswer | null> {
  const row = (await database.query<{ requestHash: string; status: number; body: unknown }>(namedQuery('idempotency/find'), [userId, key])).rows[0];
  if (!row) return null;
  if (row.requestHash !== requestHash) {
    throw new HttpError(422, ERROR_CODES.idempotencyKeyReused, 'this Idempotency-Key was already used for a different request', 'headers.idempotency-key');
  }
  return { status: row.status, body: row.body };
}

/**
 * Runs a write in one transaction; with an Idempotency-Key, the first successful answer is stored in
 * the same transaction and a retry (even a concurrent one) gets that answer instead of writing twice.
 */
export async function idempotentWrite(
  pool: pg.Pool,
  idempotency: { userId: string; key: string | undefined; request: unknown },
  write: (client: pg.PoolClient) => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  const { userId, key } = idempotency;
  if (key === undefined) return withTransaction(pool, write);
  if (key.length === 0 || key.length > 200) throw new HttpError(400, ERROR_CODES.invalidRequest, 'Idempotency-Key must have 1 to 200 characters', 'headers.idempotency-key');
  const requestHash = createHash('sha256').update(JSON.stringify(idempotency.request)).digest('hex');
  try {
    return await withTransaction(pool, async (client) => {
      const previous = await replay(client, userId, key, requestHash);
      if (previous) return previous;
      const answer = await write(client);
      if (answer.status < 300) await client.query(namedQuery('idempotency/save'), [userId, key, requestHash, answer.status, JSON.stringify(answer.body)]);
      return answer;
    });
  } catch (error) {
    // A concurrent request with the same key committed first: answer what it answered.
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      const previous = await replay(pool, userId, key, requestHash);
      if (previous) return previous;
    }
    throw error;
  }
}
