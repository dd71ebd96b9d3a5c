import { z } from 'zod';

/** Phase kinds: the current state, a works phase, the target after works. */
export const PHASE_KINDS = ['existant', 'transitoire', 'cible'] as const;

export const phaseKindSchema = z.enum(PHASE_KINDS);

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2027-03-31');

export const phaseSchema = z
  .object({
    ordinal: z.number().int().nonnegative(),
    name: z.string().min(1).max(200),
    kind: phaseKindSchema,
    startsOn: isoDateSchema.nullable(),
    endsOn: isoDateSchema.nullable(),
  })
  .strict();

export type PhaseKind = z.infer<typeof phaseKindSchema>;
export type Phase = z.infer<typeof phaseSchema>;

// Kept apart from zod, so that the web page can filter parcels without loading the schemas.
export { isAliveAt } from './is-alive-at.js';
