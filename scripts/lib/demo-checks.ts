/**
 * Checks on the files as written (read back from their GeoJSON): every polygon valid, non-empty,
 * MultiPolygon, counter-clockwise; and the gaps, overlaps and overflow of a service at a phase,
 * measured on the ellipsoid (geography), as docs/analysis.md, "Definitions", defines them.
 */
import type pg from 'pg';
import type { GeoJsonFeature } from './demo-geojson.js';

/** Loads written features into a temporary table `output_<name>` (id, properties, geom in EPSG:4326). */
export async function loadWrittenFeatures(client: pg.PoolClient, name: string, features: GeoJsonFeature[]): Promise<void> {
  await client.query(`create temp table output_${name} as
    select feature ->> 'id' as id, feature -> 'properties' as properties,
           ST_SetSRID(ST_GeomFromGeoJSON(feature -> 'geometry'), 4326) as geom
      from jsonb_array_elements($1::jsonb) as feature`, [JSON.stringify(features)]);
}

/** Throws unless every polygon of `output_<name>` is a valid, non-empty, counter-clockwise MultiPolygon. */
export async function assertValidAreas(client: pg.PoolClient, name: string): Promise<void> {
  const { rows } = await client.query<{ id: string; problem: string }>(
    `select id, case when ST_GeometryType(geom) <> 'ST_MultiPolygon' then 'not a MultiPolygon'
                     when ST_IsEmpty(geom) then 'empty'
                     when not ST_IsValid(geom) then ST_IsValidReason(geom)
                     when not ST_IsPolygonCCW(geom) then 'exterior ring not counter-clockwise' end as problem
       from output_${name} where ST_GeometryType(geom) like '%Polygon'
     union all
     select id, 'not an area' from output_${name} where ST_GeometryType(geom) not like '%Polygon' and $1`,
    [name !== 'context'],
  );
  const problems = rows.filter((row) => row.problem !== null);
  if (problems.length > 0) {
    throw new Error(`${name}: ${problems.map((row) => `${row.id}: ${row.problem}`).join('; ')}`);
  }
}

/** The defects of one service at one phase, in m² on the ellipsoid. */
export interface Defects {
  outdoorArea: number;
  gaps: Array<{ area: number }>;
  overlaps: Array<{ parcels: string; organisations: string; area: number }>;
  overflows: Array<{ parcel: string; area: number }>;
}

/** Gaps, overlaps and overflow of a service at a phase, from the written files (pieces over 1 m²). */
export async function measureDefects(client: pg.PoolClient, service: string, phase: number): Promise<Defects> {
  const alive = `(properties ->> 'fromPhase')::int <= $1 and coalesce((properties ->> 'toPhase')::int, 2147483647) > $1`;
  const covering = `select id, properties ->> 'organisation' as organisation, geom from output_parcels
                     where ${alive} and properties -> 'services' ? $2`;
  const outdoor = `select ST_Difference(site.geom, coalesce((select ST_Union(geom order by id) from output_buildings where ${alive}),
                                                            'SRID=4326;POLYGON EMPTY'::geometry)) as geom from output_site as site`;
  const outdoorArea = await client.query<{ area: number }>(`select ST_Area(geom::geography) as area from (${outdoor}) as outdoor`, [phase]);
  const gaps = await client.query<{ area: number }>(
    `select ST_Area(piece.geom::geography) as area
       from (select (ST_Dump(ST_Difference(outdoor.geom, coalesce((select ST_Union(geom order by id) from (${covering}) as covering),
                                                                   'SRID=4326;POLYGON EMPTY'::geometry)))).geom
               from (${outdoor}) as outdoor) as piece
      where ST_Area(piece.geom::geography) > 1 order by area desc`,
    [phase, service],
  );
  const overlaps = await client.query<{ parcels: string; organisations: string; area: number }>(
    `with covering as (${covering})
     select first.id || ' × ' || second.id as parcels, first.organisation || ' × ' || second.organisation as organisations,
            ST_Area(ST_Intersection(first.geom, second.geom)::geography) as area
       from covering as first join covering as second on first.id < second.id and ST_Intersects(first.geom, second.geom)
      where ST_Area(ST_Intersection(first.geom, second.geom)::geography) > 1 order by area desc`,
    [phase, service],
  );
  const overflows = await client.query<{ parcel: string; area: number }>(
    `with covering as (${covering})
     select covering.id as parcel, ST_Area(ST_Difference(covering.geom, site.geom)::geography) as area
       from covering, output_site as site where ST_Area(ST_Difference(covering.geom, site.geom)::geography) > 1 order by area desc`,
    [phase, service],
  );
  return { outdoorArea: outdoorArea.rows[0]!.area, gaps: gaps.rows, overlaps: overlaps.rows, overflows: overflows.rows };
}
