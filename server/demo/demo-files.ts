import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { contactSchema, hexColourSchema, multiPolygonSchema, OPERATION_KINDS, organisationKindSchema, phaseSchema, serviceCodeSchema } from '../../core/index.js';
import { projectRoot } from '../project-root.js';

const phaseRange = { fromPhase: z.number().int().min(0), toPhase: z.number().int().positive().nullable() };
const geometry = z.object({ type: z.string(), coordinates: z.unknown() }).strict();

function featureCollection<P extends z.ZodType>(properties: P, geometrySchema: z.ZodType = multiPolygonSchema) {
  const feature = z.object({ type: z.literal('Feature'), id: z.string(), geometry: geometrySchema, properties }).strict();
  return z.object({ type: z.literal('FeatureCollection'), features: z.array(feature) }).strict();
}

/** The demo site's files in `data/demo/`, as built by `scripts/build-demo.ts`. */
export const demoFileSchemas = {
  organisations: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      shortName: z.string(),
      kind: organisationKindSchema,
      colour: hexColourSchema,
      parentKey: z.string().nullable(),
      contact: contactSchema.nullable(),
    }).strict(),
  ),
  site: z.object({
    type: z.literal('Feature'),
    geometry: multiPolygonSchema,
    properties: z.object({
      name: z.string(),
      commune: z.string(),
      srid: z.number().int(),
      tolerance: z.number(),
      public: z.boolean(),
      description: z.string(),
    }).strict(),
  }).passthrough(),
  phases: z.array(phaseSchema),
  buildings: featureCollection(z.object({ label: z.string().nullable(), ...phaseRange }).strict()),
  parcels: featureCollection(
    z.object({
      organisation: z.string(),
      services: z.array(serviceCodeSchema).min(1),
      owner: z.string().nullable(),
      label: z.string(),
      agreementRef: z.string().nullable(),
      notes: z.string().nullable(),
      ...phaseRange,
    }).strict(),
  ),
  operations: featureCollection(
    z.object({
      kind: z.enum(OPERATION_KINDS),
      phase: z.number().int().min(0),
      client: z.string().nullable(),
      label: z.string(),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
    }).strict(),
  ),
  context: featureCollection(
    z.object({ layer: z.enum(['street', 'cadastre']), kind: z.string().nullable(), name: z.string().nullable() }).strict(),
    geometry,
  ),
  expected: z.object({
    parcels: z.number(),
    parcelsByPhase: z.record(z.string(), z.number()),
    buildings: z.number(),
    organisations: z.number(),
    phases: z.number(),
    operations: z.number(),
    contextFeatures: z.number(),
  }).strict(),
};

type DemoFiles = { [K in keyof typeof demoFileSchemas]: z.infer<(typeof demoFileSchemas)[K]> };

const FILE_NAMES: Record<keyof DemoFiles, string> = {
  organisations: 'organisations.json',
  site: 'site.geojson',
  phases: 'phases.json',
  buildings: 'buildings.geojson',
  parcels: 'parcels.geojson',
  operations: 'operations.geojson',
  context: 'context.geojson',
  expected: 'expected.json',
};

/** Reads and validates every file of the demo site. */
export function readDemoFiles(directory = join(projectRoot, 'data', 'demo')): DemoFiles {
  const entries = Object.entries(FILE_NAMES).map(([key, fileName]) => {
    const schema = demoFileSchemas[key as keyof DemoFiles];
    const parsed = schema.safeParse(JSON.parse(readFileSync(join(directory, fileName), 'utf8')));
    if (!parsed.success) throw new Error(`data/demo/${fileName}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    return [key, parsed.data];
  });
  return Object.fromEntries(entries) as DemoFiles;
}
