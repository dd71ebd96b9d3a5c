import { z } from 'zod';
import { serviceCodeSchema } from './service.schema.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** The properties a client sends to create a parcel; unknown fields are an error. */
export const parcelInputPropertiesSchema = z
  .object({
    organisationId: z.string().uuid(),
    services: z.array(serviceCodeSchema).min(1).max(20).refine((codes) => new Set(codes).size === codes.length, 'services must not repeat'),
    ownerId: z.string().uuid().nullable().optional(),
    label: optionalText(200),
    agreementRef: optionalText(200),
    notes: optionalText(4000),
    fromPhase: z.number().int().min(0).default(0),
    toPhase: z.number().int().positive().nullable().optional(),
  })
  .strict()
  .refine((properties) => properties.toPhase == null || properties.toPhase > properties.fromPhase, {
    message: 'toPhase must be after fromPhase',
    path: ['toPhase'],
  });

/** A parcel as a GeoJSON Feature sent by a client; the geometry is checked by validateAreaGeometry. */
export const parcelInputSchema = z
  .object({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]).optional(),
    geometry: z.unknown(),
    properties: parcelInputPropertiesSchema,
  })
  .strict();

/**
 * A change to a feature: a new geometry and/or some properties, merged then checked in full. A client
 * may send back the Feature it read: its `id` and read-only properties (version…) are ignored.
 */
export const featurePatchSchema = z
  .object({
    type: z.literal('Feature').optional(),
    id: z.union([z.string(), z.number()]).optional(),
    geometry: z.unknown().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export type ParcelInputProperties = z.infer<typeof parcelInputPropertiesSchema>;
export type ParcelInput = z.infer<typeof parcelInputSchema>;
export type FeaturePatch = z.infer<typeof featurePatchSchema>;
