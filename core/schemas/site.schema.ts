import { z } from 'zod';
import { multiPolygonSchema } from './geojson.schema.js';

/** Default tolerance under which gap and overlap pieces are ignored, in m². */
export const DEFAULT_TOLERANCE_M2 = 1;

/** Lambert-93, the default metric CRS for French sites. */
export const DEFAULT_SRID = 2154;

export const siteSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string().min(1).max(200),
    commune: z.string().min(1).max(200),
    description: z.string().max(4000).nullable(),
    perimeter: multiPolygonSchema,
    srid: z.number().int().positive(),
    tolerance: z.number().nonnegative(),
    public: z.boolean(),
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  })
  .strict();

export const siteSummarySchema = siteSchema.pick({ id: true, name: true, commune: true, public: true, bbox: true });

export type Site = z.infer<typeof siteSchema>;
export type SiteSummary = z.infer<typeof siteSummarySchema>;
