import { z } from 'zod';
import { serviceCodeSchema } from '../../core/index.js';
import { phaseQueryValue as phase } from '../http/site-params.js';

/** `GET /sites/:siteId/analysis?phase=&service=` */
export const analysisQuery = z.object({ phase, service: serviceCodeSchema }).strict();

/** `GET /sites/:siteId/compare?from=&to=&service=` */
export const compareQuery = z.object({ from: phase, to: phase, service: serviceCodeSchema }).strict();

/** `GET /sites/:siteId/who?lon=&lat=&phase=` */
export const whoQuery = z.object({
  lon: z.coerce.number().min(-180, 'lon is between -180 and 180').max(180, 'lon is between -180 and 180'),
  lat: z.coerce.number().min(-90, 'lat is between -90 and 90').max(90, 'lat is between -90 and 90'),
  phase: phase.default(0),
}).strict();

const euros = z.number().finite().min(0).max(1_000_000);

/** `PUT /sites/:siteId/unit-costs`: per service, a default and costs per organisation (€/m²/year). */
export const unitCostsBody = z.record(serviceCodeSchema, z.object({
  default: euros.nullable(),
  byOrganisation: z.record(z.string().uuid('organisation ids are UUIDs'), euros),
}).strict());
