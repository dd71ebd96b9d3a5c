import { z } from 'zod';
import type { Feature, FeatureCollection, MultiPolygon } from './geojson.schema.js';
import { serviceCodeSchema } from './service.schema.js';

/** Properties of a responsibility parcel as the API returns them. */
export const parcelPropertiesSchema = z
  .object({
    organisationId: z.string().uuid(),
    services: z.array(serviceCodeSchema).min(1),
    ownerId: z.string().uuid().nullable(),
    label: z.string().max(200).nullable(),
    agreementRef: z.string().max(200).nullable(),
    notes: z.string().max(4000).nullable(),
    fromPhase: z.number().int().nonnegative(),
    toPhase: z.number().int().positive().nullable(),
    version: z.number().int().positive(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .strict();

export type ParcelProperties = z.infer<typeof parcelPropertiesSchema>;
export type ParcelFeature = Feature<MultiPolygon, ParcelProperties> & { id: string };
export type ParcelCollection = FeatureCollection<MultiPolygon, ParcelProperties>;
