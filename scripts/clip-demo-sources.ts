/**
 * One-off: clips the Bondy source layers to the demo area and writes them to `data/sources/`.
 *
 *   npx tsx scripts/clip-demo-sources.ts <folder holding the Bondy source files>
 *
 * Features that touch the clip boxes are kept whole, with their coordinates as in the source;
 * only the properties the demo build uses are kept; output is sorted by id (deterministic).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFeatures, writeFeatureCollection, type GeoJsonFeature } from './lib/demo-geojson.js';

type Box = readonly [number, number, number, number];

/** [west, south, east, north] in degrees: the demo site plus the ~100 m of base map around it. */
const CONTEXT_BOX: Box = [2.4762, 48.8972, 2.484, 48.904];

/** The demo site plus ~25 m: buildings and social-housing points are only needed on the site. */
const SITE_BOX: Box = [2.4772, 48.8979, 2.4830, 48.9033];

const OSM_ATTRIBUTION = { attribution: '© contributeurs OpenStreetMap (ODbL)', license: 'ODbL-1.0' };
const CADASTRE_ATTRIBUTION = { attribution: 'DGFiP / Etalab (cadastre)', license: 'Licence Ouverte 2.0' };
const RPLS_ATTRIBUTION = { attribution: 'SDES, répertoire RPLS (géocodage : cours coursP8, Université Paris 8)', license: 'Licence Ouverte 2.0' };

const sourcesFolder = join(fileURLToPath(import.meta.url), '..', '..', 'data', 'sources');

/** Every [lon, lat] position of a geometry, whatever its nesting. */
function positionsOf(coordinates: unknown): Array<[number, number]> {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') return [coordinates as [number, number]];
  if (!Array.isArray(coordinates)) return [];
  return coordinates.flatMap((child) => positionsOf(child));
}

/** The bounding box of a feature's geometry. */
function boxOf(feature: GeoJsonFeature): Box {
  const positions = positionsOf(feature.geometry.coordinates);
  const longitudes = positions.map((position) => position[0]);
  const latitudes = positions.map((position) => position[1]);
  return [Math.min(...longitudes), Math.min(...latitudes), Math.max(...longitudes), Math.max(...latitudes)];
}

/** A filter keeping the features whose bounding box meets a box. */
function touching(box: Box): (feature: GeoJsonFeature) => boolean {
  return (feature) => {
    const [west, south, east, north] = boxOf(feature);
    return west <= box[2] && east >= box[0] && south <= box[3] && north >= box[1];
  };
}

/** Compares two features by their first position (longitude, then latitude): a stable order for id-less sources. */
function byFirstPosition(left: GeoJsonFeature, right: GeoJsonFeature): number {
  const [a] = positionsOf(left.geometry.coordinates);
  const [b] = positionsOf(right.geometry.coordinates);
  return a![0] - b![0] || a![1] - b![1];
}

/** Compares two features by their string id. */
function byId(left: GeoJsonFeature, right: GeoJsonFeature): number {
  return String(left.id) < String(right.id) ? -1 : String(left.id) > String(right.id) ? 1 : 0;
}

/** A text property, or null when absent or blank. */
function text(properties: Record<string, unknown>, key: string): string | null {
  const value = properties[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Etalab cadastral parcels: id, section, numero. */
function clipCadastre(folder: string): GeoJsonFeature[] {
  return readFeatures(join(folder, 'cadastre-93010-parcelles.json'))
    .filter(touching(CONTEXT_BOX))
    .map((feature) => ({
      type: 'Feature' as const,
      id: String(feature.properties.id),
      properties: { section: text(feature.properties, 'section'), numero: text(feature.properties, 'numero') },
      geometry: feature.geometry,
    }))
    .sort(byId);
}

/** OSM building footprints; the source has no OSM ids, so ids are given in first-position order. */
function clipBuildings(folder: string): GeoJsonFeature[] {
  return readFeatures(join(folder, 'bondy_osm_block_buildings_josm.geojson'))
    .filter(touching(SITE_BOX))
    // building=no is an outline of a whole residence drawn in the JOSM session, not a footprint.
    .filter((feature) => feature.properties.building !== 'no')
    .sort(byFirstPosition)
    .map((feature, index) => ({
      type: 'Feature' as const,
      id: `osm-b-${String(index + 1).padStart(4, '0')}`,
      properties: {
        building: text(feature.properties, 'building'),
        name: text(feature.properties, 'name'),
        housenumber: text(feature.properties, 'housenumber'),
      },
      geometry: feature.geometry,
    }));
}

/** OSM highway lines: way id, highway tag, name. */
function clipStreets(folder: string): GeoJsonFeature[] {
  return readFeatures(join(folder, 'bondy_osm_highways_2023-08-27.geojson'))
    .filter(touching(CONTEXT_BOX))
    .map((feature) => ({
      type: 'Feature' as const,
      id: String(feature.properties['@id'] ?? feature.id),
      properties: { highway: text(feature.properties, 'highway'), name: text(feature.properties, 'name') },
      geometry: feature.geometry,
    }))
    .sort(byId);
}

/** RPLS social-housing points (no ids in the source: ids in first-position order). */
function clipSocialHousing(folder: string): GeoJsonFeature[] {
  return readFeatures(join(folder, 'bondy_rpls_logements_sociaux_points.geojson'))
    .filter(touching(SITE_BOX))
    .sort((left, right) => byFirstPosition(left, right) || String(left.properties.voie).localeCompare(String(right.properties.voie)))
    .map((feature, index) => ({
      type: 'Feature' as const,
      id: `rpls-${String(index + 1).padStart(4, '0')}`,
      properties: {
        voie: text(feature.properties, 'voie'),
        residence: text(feature.properties, 'residence'),
        appartements: feature.properties.appartements ?? null,
        construction: feature.properties.construction ?? null,
        etage: text(feature.properties, 'etage'),
      },
      geometry: feature.geometry,
    }));
}

/** Clips the four layers and reports what was written. */
function main(): void {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: npx tsx scripts/clip-demo-sources.ts <folder holding the Bondy source files>');
    process.exit(2);
  }
  const outputs: Array<[string, GeoJsonFeature[], Record<string, string>]> = [
    ['cadastre-parcels.geojson', clipCadastre(folder), CADASTRE_ATTRIBUTION],
    ['osm-buildings.geojson', clipBuildings(folder), OSM_ATTRIBUTION],
    ['osm-streets.geojson', clipStreets(folder), OSM_ATTRIBUTION],
    ['rpls-social-housing.geojson', clipSocialHousing(folder), RPLS_ATTRIBUTION],
  ];
  for (const [name, features, members] of outputs) {
    const bytes = writeFeatureCollection(join(sourcesFolder, name), features, members);
    console.log(`data/sources/${name}: ${features.length} features, ${(bytes / 1024).toFixed(1)} KB`);
  }
}

main();
