import { z } from 'zod';

/** Kinds of organisation that manage outdoor space (docs/domain.md, "Organisations"). */
export const ORGANISATION_KINDS = [
  'ville',
  'agglomeration',
  'bailleur',
  'copropriete',
  'departement',
  'etat',
  'prestataire',
  'prive',
  'autre',
] as const;

export const organisationKindSchema = z.enum(ORGANISATION_KINDS);

export const hexColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f78b4');

export const contactSchema = z
  .object({
    name: z.string().max(200).optional(),
    email: z.string().email().max(320).optional(),
    phone: z.string().max(40).optional(),
    note: z.string().max(500).optional(),
  })
  .strict();

export const organisationSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string().min(1).max(200),
    shortName: z.string().min(1).max(40),
    kind: organisationKindSchema,
    colour: hexColourSchema,
    parentId: z.string().uuid().nullable(),
    contact: contactSchema.nullable(),
  })
  .strict();

export type OrganisationKind = z.infer<typeof organisationKindSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
