import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2027-03-31');
const phaseRangeRefinement = {
  check: (properties: { fromPhase: number; toPhase?: number | null }) => properties.toPhase == null || properties.toPhase > properties.fromPhase,
  message: { message: 'toPhase must be after fromPhase', path: ['toPhase'] },
};

/** Properties of a building footprint sent by a client. */
export const buildingInputPropertiesSchema = z
  .object({
    label: z.string().trim().max(200).nullable().optional(),
    fromPhase: z.number().int().min(0).default(0),
    toPhase: z.number().int().positive().nullable().optional(),
  })
  .strict()
  .refine(phaseRangeRefinement.check, phaseRangeRefinement.message);

/** Kinds of renewal works operations (docs/domain.md, "Works operations"). */
export const OPERATION_KINDS = ['demolition', 'construction', 'residentialisation', 'amenagement', 'voirie_nouvelle', 'autre'] as const;

/** Properties of a renewal works operation sent by a client. */
export const operationInputPropertiesSchema = z
  .object({
    kind: z.enum(OPERATION_KINDS),
    phase: z.number().int().min(0),
    clientId: z.string().uuid().nullable().optional(),
    label: z.string().trim().min(1).max(200),
    startsOn: isoDate.nullable().optional(),
    endsOn: isoDate.nullable().optional(),
  })
  .strict()
  .refine((properties) => !properties.startsOn || !properties.endsOn || properties.endsOn >= properties.startsOn, {
    message: 'endsOn must not be before startsOn',
    path: ['endsOn'],
  });

function featureSchema<P extends z.ZodType>(properties: P) {
  return z
    .object({ type: z.literal('Feature'), id: z.union([z.string(), z.number()]).optional(), geometry: z.unknown(), properties })
    .strict();
}

export const buildingInputSchema = featureSchema(buildingInputPropertiesSchema);
export const operationInputSchema = featureSchema(operationInputPropertiesSchema);

export type BuildingInputProperties = z.infer<typeof buildingInputPropertiesSchema>;
export type OperationInputProperties = z.infer<typeof operationInputPropertiesSchema>;
