import { z } from 'zod';
import { contactSchema, hexColourSchema, organisationKindSchema } from './organisation.schema.js';
import { phaseKindSchema } from './phase.schema.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2027-03-31');

/** A new site: its perimeter is checked by validateAreaGeometry. */
export const siteInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    commune: z.string().trim().min(1).max(200),
    description: z.string().max(4000).nullable().optional(),
    perimeter: z.unknown(),
    srid: z.number().int().min(1024).max(998999).default(2154),
    tolerance: z.number().min(0).max(10_000).default(1),
    public: z.boolean().default(false),
  })
  .strict();

/** A change to a site: any of its fields. */
export const sitePatchSchema = siteInputSchema.partial().strict().refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

/** A new organisation (gestionnaire). */
export const organisationInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    shortName: z.string().trim().min(1).max(40),
    kind: organisationKindSchema,
    colour: hexColourSchema,
    parentId: z.string().uuid().nullable().optional(),
    contact: contactSchema.nullable().optional(),
  })
  .strict();

export const organisationPatchSchema = organisationInputSchema.partial().strict().refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

/** A new phase; its ordinal defaults to the next one. */
export const phaseInputSchema = z
  .object({
    ordinal: z.number().int().min(1).max(99).optional(),
    name: z.string().trim().min(1).max(200),
    kind: phaseKindSchema,
    startsOn: isoDate.nullable().optional(),
    endsOn: isoDate.nullable().optional(),
  })
  .strict()
  .refine((phase) => !phase.startsOn || !phase.endsOn || phase.endsOn >= phase.startsOn, { message: 'endsOn must not be before startsOn', path: ['endsOn'] });

export const phasePatchSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: phaseKindSchema,
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

export type SiteInput = z.infer<typeof siteInputSchema>;
export type SitePatch = z.infer<typeof sitePatchSchema>;
export type OrganisationInput = z.infer<typeof organisationInputSchema>;
export type PhaseInput = z.infer<typeof phaseInputSchema>;
