import type pg from 'pg';
import { siteWithRole } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { namedQuery } from '../db/named-queries.js';
import { HttpError } from '../http/errors.js';
import { idempotentWrite, type StoredAnswer } from '../http/idempotency.js';
import { PARCEL_EDITORS } from './parcel-access.js';
import { checkParcels } from './parcel-rules.js';
import { siteTolerance } from './parcel-writes.js';

export const MAX_IMPORTED_FEATURES = 10_000;

/**
 * Imports a FeatureCollection of parcels, all or nothing: one refused feature refuses the whole
 * import (422 with the report); `dryRun` only reports. With an Idempotency-Key a retry replays.
 */
export async function importParcels(
  pool: pg.Pool,
  siteId: string,
  user: AuthenticatedUser | undefined,
  features: unknown[],
  options: { dryRun: boolean; idempotencyKey?: string },
): Promise<StoredAnswer> {
  const access = await siteWithRole(pool, siteId, user, PARCEL_EDITORS);
  if (features.length > MAX_IMPORTED_FEATURES) {
    throw new HttpError(413, 'too_many_features', `an import holds at most ${MAX_IMPORTED_FEATURES} features, this one ${features.length}`, 'body.features');
  }
  const key = options.dryRun ? undefined : options.idempotencyKey;
  return idempotentWrite(pool, { userId: user!.id, key, request: { siteId, features } }, async (client) => {
    const check = await checkParcels(client, siteId, await siteTolerance(client, siteId), features);
    if (access.role === 'project') {
      check.accepted.forEach((parcel, index) => {
        if (parcel.properties.fromPhase < 1) {
          check.rejected.push({ index, status: 422, code: 'forbidden_phase', field: 'properties.fromPhase', message: 'the project team imports parcels of phases 1 and later only' });
        }
      });
    }
    const report = { accepted: features.length - check.rejected.length, rejected: check.rejected.map(({ status: _status, ...fault }) => fault) };
    if (check.rejected.length > 0) {
      return { status: 422, body: { code: 'import_rejected', message: `${check.rejected.length} of ${features.length} features are invalid: nothing was imported`, ...report } };
    }
    if (options.dryRun) return { status: 200, body: { ...report, dryRun: true } };
    const { rows } = await client.query<{ id: string }>(namedQuery('parcels/insert-many'), [siteId, JSON.stringify(check.accepted), user!.id]);
    const ids = rows.map((row) => row.id);
    await client.query(namedQuery('parcels/record-version'), [ids, 'create', user!.id]);
    return { status: 201, body: { ...report, ids } };
  });
}
