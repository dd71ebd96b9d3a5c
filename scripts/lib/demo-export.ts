/**
 * Reads the demo site's tables back as GeoJSON features in EPSG:4326, with coordinates rounded to
 * 7 decimals; polygons stay valid MultiPolygons with counter-clockwise exterior rings.
 */
import type pg from 'pg';
import type { GeoJsonFeature } from './demo-geojson.js';

/** Metres of base map kept around the site. */
const CONTEXT_MARGIN_METRES = 100;

/** Temporary SQL functions: Lambert-93 → rounded WGS84, repaired if rounding broke validity. */
export const OUTPUT_FUNCTIONS_SQL = `
  create function pg_temp.output_area(geom geometry) returns geometry language sql immutable as $$
    with snapped as (select ST_SnapToGrid(ST_Transform(geom, 4326), 0.0000001) as geom),
         repaired as (select case when ST_IsValid(geom) then geom
                                  else ST_SnapToGrid(ST_MakeValid(geom), 0.0000001) end as geom from snapped)
    select ST_ForcePolygonCCW(ST_Multi(ST_CollectionExtract(geom, 3))) from repaired
  $$;
  create function pg_temp.output_line(geom geometry) returns geometry language sql immutable as $$
    select ST_SnapToGrid(ST_Transform(ST_CollectionExtract(geom, 2), 4326), 0.0000001)
  $$`;

interface FeatureRow {
  id: string;
  geometry: string;
  properties: Record<string, unknown>;
}

/** Turns query rows (id, GeoJSON geometry text, properties) into features. */
function toFeatures(rows: FeatureRow[]): GeoJsonFeature[] {
  return rows.map((row) => ({ type: 'Feature', id: row.id, properties: row.properties, geometry: JSON.parse(row.geometry) }));
}

/** The site perimeter as one Feature (properties are added by the caller). */
export async function siteGeometry(client: pg.PoolClient): Promise<GeoJsonFeature['geometry']> {
  const { rows } = await client.query<{ geometry: string }>('select ST_AsGeoJSON(pg_temp.output_area(geom), 7) as geometry from site');
  return JSON.parse(rows[0]!.geometry);
}

/** The OSM buildings of the site; the demolished wing ends at phase 1. */
export async function buildingFeatures(client: pg.PoolClient): Promise<GeoJsonFeature[]> {
  const { rows } = await client.query<FeatureRow & { name: string | null; housenumber: string | null }>(
    `select building.id, ST_AsGeoJSON(pg_temp.output_area(building.geom), 7) as geometry,
            json_build_object('label', coalesce(building.name, 'n° ' || building.housenumber), 'fromPhase', 0,
                              'toPhase', case when building.id = demolished.id then 1 end) as properties
       from site_buildings as building, demolished_building as demolished
      order by building.id`,
  );
  return toFeatures(rows);
}

/** The responsibility parcels of every phase. */
export async function parcelFeatures(client: pg.PoolClient): Promise<GeoJsonFeature[]> {
  const { rows } = await client.query<FeatureRow>(
    `select id, ST_AsGeoJSON(pg_temp.output_area(geom), 7) as geometry,
            json_build_object('organisation', organisation, 'services', services, 'owner', owner, 'label', label,
                              'agreementRef', agreement_ref, 'notes', notes, 'fromPhase', from_phase, 'toPhase', to_phase) as properties
       from plan_parcels order by id`,
  );
  return toFeatures(rows);
}

/** The renewal operations: demolition (phase 1), residentialisation and new path (phase 2). */
export async function operationFeatures(
  client: pg.PoolClient,
  operations: Record<'demolition' | 'residentialisation' | 'newPath', Record<string, unknown>>,
): Promise<GeoJsonFeature[]> {
  const geometries = await client.query<{ demolition: string; residentialisation: string; new_path: string }>(
    `select ST_AsGeoJSON(pg_temp.output_area(works.works_zone), 7) as demolition,
            ST_AsGeoJSON(pg_temp.output_area(works.residentialised), 7) as residentialisation,
            ST_AsGeoJSON(pg_temp.output_area(new_path.geom), 7) as new_path
       from works, new_path`,
  );
  const row = geometries.rows[0]!;
  return [
    { type: 'Feature', id: 'operation-demolition', properties: operations.demolition, geometry: JSON.parse(row.demolition) },
    { type: 'Feature', id: 'operation-nouvelle-allee', properties: operations.newPath, geometry: JSON.parse(row.new_path) },
    { type: 'Feature', id: 'operation-residentialisation', properties: operations.residentialisation, geometry: JSON.parse(row.residentialisation) },
  ];
}

/** The offline base map: OSM street lines and cadastral outlines within 100 m of the site, clipped. */
export async function contextFeatures(client: pg.PoolClient): Promise<GeoJsonFeature[]> {
  const { rows } = await client.query<FeatureRow>(
    `with zone as (select ST_Buffer(geom, $1::float8) as geom from site),
          streets as (select 'osm-' || replace(street.id, '/', '-') as id,
                             pg_temp.output_line(ST_Intersection(street.geom, zone.geom)) as geom,
                             json_build_object('layer', 'street', 'kind', street.highway, 'name', street.name) as properties
                        from source_streets as street, zone where ST_Intersects(street.geom, zone.geom)),
          parcels as (select 'cadastre-' || parcel.id as id,
                             pg_temp.output_area(ST_Intersection(parcel.geom, zone.geom)) as geom,
                             json_build_object('layer', 'cadastre', 'kind', null, 'name', parcel.section || ' ' || ltrim(parcel.numero, '0')) as properties
                        from source_cadastre as parcel, zone where ST_Intersects(parcel.geom, zone.geom))
     select id, ST_AsGeoJSON(geom, 7) as geometry, properties from (select * from streets union all select * from parcels) as layers
      where not ST_IsEmpty(geom) order by id`,
    [CONTEXT_MARGIN_METRES],
  );
  return toFeatures(rows);
}
