import { z } from 'zod';

/** `/sites/:siteId…`: the params of every route of one site. */
export const siteParams = z.object({ siteId: z.string().uuid('siteId must be a UUID') }).strict();

/** `/sites/:siteId/phases/:ordinal`. */
export const phaseParams = siteParams.extend({ ordinal: z.coerce.number().int().min(0).max(99) }).strict();

/** A phase named in a query (`?phase=`, `?from=`…): ordinals run from 0 to 99 (core's phase input), a number outside is malformed, not unknown. */
export const phaseQueryValue = z.coerce.number().int('a phase is a whole number').min(0).max(99);
