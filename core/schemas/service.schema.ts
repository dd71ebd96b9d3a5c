import { z } from 'zod';

// Kept apart from zod, so that the web page can read them without loading the schemas.
export { DEFAULT_SERVICES } from './default-services.js';

export const serviceCodeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'a lower-case code like nettoiement');

export const serviceSchema = z
  .object({
    code: serviceCodeSchema,
    labelFr: z.string().min(1).max(120),
    labelEn: z.string().min(1).max(120),
  })
  .strict();

export type Service = z.infer<typeof serviceSchema>;
