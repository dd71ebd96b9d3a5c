/**
 * Builds the demo site's plan in `data/demo/` from the clipped sources in `data/sources/`.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/tessera_demo_build npx tsx scripts/build-demo.ts
 *
 * Uses PostGIS (temporary tables only, in a scratch database) and is reproducible: two runs
 * write byte-identical files. The geography is real; the plan is an illustrative scenario.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { z } from 'zod';
import { assertValidAreas, loadWrittenFeatures, measureDefects, type Defects } from './lib/demo-checks.js';
import {
  buildingFeatures, contextFeatures, operationFeatures, OUTPUT_FUNCTIONS_SQL, parcelFeatures, siteGeometry,
} from './lib/demo-export.js';
import { readFeatures, writeFeatureCollection, writeJson, writeText, type GeoJsonFeature } from './lib/demo-geojson.js';
import { GEOMETRY_STEPS, loadSourceStep, type SqlStep } from './lib/demo-geometry-steps.js';
import { planParcels, writePlanParcels } from './lib/demo-plan.js';
import { OPERATIONS, ORGANISATIONS, PHASES, SITE_PROPERTIES } from './lib/demo-scenario.js';

const dataFolder = join(fileURLToPath(import.meta.url), '..', '..', 'data');
const sourcesFolder = join(dataFolder, 'sources');
const demoFolder = join(dataFolder, 'demo');

const environmentSchema = z.object({ DATABASE_URL: z.string().url() });

/** The source layers and the properties each one brings into its temporary table. */
const SOURCE_LAYERS: Array<{ file: string; table: string; properties: string[] }> = [
  { file: 'cadastre-parcels.geojson', table: 'source_cadastre', properties: ['section', 'numero'] },
  { file: 'osm-buildings.geojson', table: 'source_buildings', properties: ['building', 'name', 'housenumber'] },
  { file: 'osm-streets.geojson', table: 'source_streets', properties: ['highway', 'name'] },
  { file: 'rpls-social-housing.geojson', table: 'source_social_housing', properties: ['residence', 'voie'] },
];

/** Runs one named SQL step, saying which one failed. */
async function runStep(client: pg.PoolClient, step: SqlStep, values: unknown[] = step.values ?? []): Promise<void> {
  try {
    await client.query(step.sql, values.length > 0 ? values : undefined);
  } catch (error) {
    throw new Error(`step "${step.name}" failed: ${(error as Error).message}`);
  }
}

/** Loads the four clipped layers of `data/sources/`. */
async function loadSources(client: pg.PoolClient): Promise<void> {
  for (const layer of SOURCE_LAYERS) {
    const features = readFeatures(join(sourcesFolder, layer.file));
    await runStep(client, loadSourceStep(layer.table, layer.properties), [JSON.stringify(features)]);
  }
}

/** Counts the parcels alive at each phase ([fromPhase, toPhase)). */
function parcelsByPhase(parcels: GeoJsonFeature[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const phase of PHASES) {
    counts[String(phase.ordinal)] = parcels.filter((parcel) => {
      const { fromPhase, toPhase } = parcel.properties as { fromPhase: number; toPhase: number | null };
      return fromPhase <= phase.ordinal && (toPhase === null || phase.ordinal < toPhase);
    }).length;
  }
  return counts;
}

/** Writes every file of `data/demo/` and returns the features written, for the checks. */
async function writeDemoFiles(client: pg.PoolClient): Promise<Record<string, GeoJsonFeature[]>> {
  const site: GeoJsonFeature = { type: 'Feature', properties: { ...SITE_PROPERTIES }, geometry: await siteGeometry(client) };
  const written = {
    site: [site],
    buildings: await buildingFeatures(client),
    parcels: await parcelFeatures(client),
    operations: await operationFeatures(client, OPERATIONS),
    context: await contextFeatures(client),
  };
  const sizes: Record<string, number> = {
    'site.geojson': writeText(join(demoFolder, 'site.geojson'), `${JSON.stringify(site)}\n`),
    'organisations.json': writeJson(join(demoFolder, 'organisations.json'), ORGANISATIONS),
    'phases.json': writeJson(join(demoFolder, 'phases.json'), PHASES),
    'buildings.geojson': writeFeatureCollection(join(demoFolder, 'buildings.geojson'), written.buildings),
    'parcels.geojson': writeFeatureCollection(join(demoFolder, 'parcels.geojson'), written.parcels),
    'operations.geojson': writeFeatureCollection(join(demoFolder, 'operations.geojson'), written.operations),
    'context.geojson': writeFeatureCollection(join(demoFolder, 'context.geojson'), written.context),
  };
  const expected = {
    parcels: written.parcels.length,
    parcelsByPhase: parcelsByPhase(written.parcels),
    buildings: written.buildings.length,
    organisations: ORGANISATIONS.length,
    phases: PHASES.length,
    operations: written.operations.length,
    contextFeatures: written.context.length,
  };
  sizes['expected.json'] = writeJson(join(demoFolder, 'expected.json'), expected);
  for (const [name, bytes] of Object.entries(sizes)) console.log(`data/demo/${name}: ${(bytes / 1024).toFixed(1)} KB`);
  console.log('counts:', JSON.stringify(expected));
  return written;
}

/** Prints the defects of a service at a phase, rounded to the m². */
function printDefects(service: string, phase: number, defects: Defects): void {
  const total = (areas: Array<{ area: number }>) => Math.round(areas.reduce((sum, piece) => sum + piece.area, 0));
  console.log(`${service}, phase ${phase}: outdoor ${Math.round(defects.outdoorArea)} m²; ` +
    `${defects.gaps.length} gap(s) ${total(defects.gaps)} m², ${defects.overlaps.length} overlap(s) ${total(defects.overlaps)} m², ` +
    `${defects.overflows.length} overflow(s) ${total(defects.overflows)} m²`);
  for (const overlap of defects.overlaps) console.log(`  overlap ${overlap.parcels} (${overlap.organisations}): ${overlap.area.toFixed(1)} m²`);
  for (const overflow of defects.overflows) console.log(`  overflow ${overflow.parcel}: ${overflow.area.toFixed(1)} m²`);
  for (const gap of defects.gaps) console.log(`  gap: ${gap.area.toFixed(1)} m²`);
}

/** Reads the written features back into PostGIS, checks every polygon, prints the defects. */
async function checkWrittenFiles(client: pg.PoolClient, written: Record<string, GeoJsonFeature[]>): Promise<void> {
  for (const [name, features] of Object.entries(written)) {
    await loadWrittenFeatures(client, name, features);
    await assertValidAreas(client, name);
  }
  const site = await client.query<{ area: number }>('select ST_Area(geom::geography) as area from output_site');
  console.log(`site: ${(site.rows[0]!.area / 10000).toFixed(2)} ha`);
  for (const phase of PHASES) printDefects('nettoiement', phase.ordinal, await measureDefects(client, 'nettoiement', phase.ordinal));
}

/** Builds the demo plan in one session (temporary tables vanish with it). */
async function main(): Promise<void> {
  const environment = environmentSchema.parse(process.env);
  const pool = new pg.Pool({ connectionString: environment.DATABASE_URL, max: 1 });
  const client = await pool.connect();
  try {
    await client.query('create extension if not exists postgis');
    await loadSources(client);
    for (const step of GEOMETRY_STEPS) await runStep(client, step);
    await writePlanParcels(client, await planParcels(client));
    await runStep(client, { name: 'output functions', sql: OUTPUT_FUNCTIONS_SQL });
    const written = await writeDemoFiles(client);
    await checkWrittenFiles(client, written);
  } finally {
    client.release();
    await pool.end();
  }
}

await main();
