import type pg from 'pg';
import type { WhoManages } from '../../core/index.js';
import { namedQuery } from '../db/named-queries.js';
import { checkPhasesAndService } from './check-phases.js';

/** A parcel at the point, with what a reader needs to contact its manager. */
export interface ManagingParcel {
  parcelId: string;
  organisationId: string;
  label: string | null;
  agreementRef: string | null;
  organisation: { name: string; shortName: string; colour: string; contact: unknown };
}

/** `WhoManages` with each parcel's label, agreement and organisation. */
export interface WhoManagesHere extends Omit<WhoManages, 'services'> {
  services: Array<{ service: string; parcels: ManagingParcel[] }>;
}

/** Who manages a point of a site at a phase, per service. */
export async function whoManages(pool: pg.Pool, siteId: string, phase: number, point: [number, number]): Promise<WhoManagesHere> {
  await checkPhasesAndService(pool, siteId, [{ phase, field: 'query.phase' }], null);
  const { rows } = await pool.query<{ who: WhoManagesHere }>(namedQuery('analysis/who-manages'), [siteId, phase, point[0], point[1]]);
  return rows[0]!.who;
}
