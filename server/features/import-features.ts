import type pg from 'pg';
import { siteWithRole } from '../auth/site-access.js';
import type { AuthenticatedUser } from '../auth/user.js';
import { ERROR_CODES, HttpError } from '../http/errors.js';
import { idempotentWrite, type StoredAnswer } from '../http/idempotency.js';
import { checkFeatures } from './check-features.js';
import { insertFeatures, siteTolerance } from './feature-writes.js';
import type { Layer } from './layer.js';

export const MAX_IMPORTED_FEATURES = 10_000;

/**
 * Imports a FeatureCollection into a layer, all or nothing: one refused feature refuses the whole
 * import (422 with the report); `dryRun` only reports. With an Idempotency-Key a retry replays.
 */
export async function importFeatures<P>(
  pool: pg.Pool, layer: Layer<P>, siteId: string, user: AuthenticatedUser | undefined, features: unknown[],
  options: { dryRun: boolean; idempotencyKey?: string },
): Promise<StoredAnswer> {
  const access = await siteWithRole(pool, siteId, user, layer.editors);
  if (features.length > MAX_IMPORTED_FEATURES) {
    throw new HttpError(413, ERROR_CODES.tooManyFeatures, `an import holds at most ${MAX_IMPORTED_FEATURES} features, this one ${features.length}`, 'body.features');
  }
  const key = options.dryRun ? undefined : options.idempotencyKey;
  return idempotentWrite(pool, { userId: user!.id, key, request: { layer: layer.name, siteId, features } }, async (client) => {
    const check = await checkFeatures(client, siteId, await siteTolerance(client, siteId), features, layer.rules);
    check.accepted.forEach((feature) => layer.assertMayEdit(access, layer.phasesOf(feature.properties)));
    const rejected = check.rejected.map(({ status: _status, ...fault }) => fault);
    const report = { accepted: features.length - rejected.length, rejected };
    if (rejected.length > 0) {
      return { status: 422, body: { code: ERROR_CODES.importRejected, message: `${rejected.length} of ${features.length} features are invalid: nothing was imported`, ...report } };
    }
    if (options.dryRun) return { status: 200, body: { ...report, dryRun: true } };
    const ids = await insertFeatures(client, layer, siteId, check.accepted, user!.id);
    return { status: 201, body: { ...report, ids } };
  });
}
