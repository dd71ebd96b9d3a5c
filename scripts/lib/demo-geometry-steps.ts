/**
 * The SQL steps that turn the clipped sources into the demo site's geometries. Every table is a
 * temporary table in Lambert-93 (EPSG:2154), so that buffers and distances are in metres.
 * Aggregates are ordered so that two runs give the same result.
 */
import * as scenario from './demo-scenario.js';

/** One named SQL step and the values it binds. */
export interface SqlStep {
  name: string;
  sql: string;
  values?: unknown[];
}

/** Loads one source layer (a GeoJSON features array bound as $1) into a temporary table of text columns. */
export function loadSourceStep(table: string, properties: string[]): SqlStep {
  const selected = properties.map((name) => `feature -> 'properties' ->> '${name}' as ${name}`).join(', ');
  return {
    name: `load ${table}`,
    sql: `create temp table ${table} as
      select feature ->> 'id' as id, ${selected},
             ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(feature -> 'geometry'), 4326), 2154) as geom
        from jsonb_array_elements($1::jsonb) as feature`,
  };
}

export const GEOMETRY_STEPS: SqlStep[] = [
  {
    name: 'urban blocks (cadastral parcels touching each other)',
    sql: `create temp table urban_blocks as
      select row_number() over (order by ST_XMin(geom), ST_YMin(geom))::int as id, ST_Buffer(geom, -0.5) as geom
        from (select (ST_Dump(ST_Union(ST_Buffer(geom, 0.5) order by id))).geom as geom from source_cadastre) as pieces`,
  },
  {
    name: 'cadastral parcels of the site',
    sql: `create temp table site_cadastre as
      select parcel.id, parcel.section, parcel.numero, block.id as block_id, parcel.geom
        from source_cadastre as parcel
        join urban_blocks as block on ST_Within(ST_PointOnSurface(parcel.geom), block.geom)
       where block.id in (select block.id from urban_blocks as block join source_cadastre as seed
                            on ST_Within(ST_PointOnSurface(seed.geom), block.geom) where seed.id = any($1::text[]))
         and ST_Y(ST_Transform(ST_Centroid(parcel.geom), 4326)) between $2 and $3`,
    values: [scenario.SEED_CADASTRAL_PARCELS, scenario.LATITUDE_RANGE.south, scenario.LATITUDE_RANGE.north],
  },
  {
    name: 'site perimeter (the parcels, the streets between them, half of the streets around)',
    sql: `create temp table site as
      with kept as (select ST_Union(geom order by id) as geom from site_cadastre),
           others as (select ST_Union(geom order by id) as geom from source_cadastre
                       where id not in (select id from site_cadastre)),
           streets as (select ST_Difference(ST_Union(
                                 ST_Buffer(ST_Buffer(kept.geom, $1::float8, 'join=mitre'), -$1::float8, 'join=mitre'),
                                 ST_Buffer(kept.geom, $2::float8, 'join=mitre')), others.geom) as geom
                         from kept, others),
           pieces as (select (ST_Dump(ST_Union(kept.geom, streets.geom))).geom as geom from kept, streets),
           largest as (select geom from pieces order by ST_Area(geom) desc limit 1)
      select ST_MakePolygon(ST_ExteriorRing(geom),
               array(select ST_ExteriorRing(hole.geom) from ST_DumpRings(largest.geom) as hole
                      where hole.path[1] > 0 and ST_Area(ST_MakePolygon(ST_ExteriorRing(hole.geom))) > 50)) as geom
        from largest`,
    values: [scenario.STREET_CLOSING_METRES, scenario.STREET_REACH_METRES],
  },
  {
    name: 'public space (the site outside every cadastral parcel)',
    sql: `create temp table public_space as
      select ST_Difference(site.geom, (select ST_Union(geom order by id) from source_cadastre
                                        where ST_Intersects(geom, site.geom))) as geom
        from site`,
  },
  {
    name: 'buildings of the site',
    sql: `create temp table site_buildings as
      select building.* from source_buildings as building, site where ST_Within(ST_PointOnSurface(building.geom), site.geom)`,
  },
  {
    name: 'role of each cadastral parcel',
    sql: `create temp table cadastral_roles as
      select parcel.id, parcel.section, parcel.numero, parcel.block_id, parcel.geom,
             case
               when parcel.id = $1 then 'gap'
               when facility.name is not null then 'facility'
               when housing.residence is not null then 'social_housing'
               when largest_building.area is null and coalesce(footway.length, 0) >= 100 then 'green'
               when largest_building.area >= 600 and largest_building.name is null then 'copropriete'
               else 'private'
             end as role,
             facility.name as facility_name, housing.residence, coalesce(footway.length, 0) as footway_length
        from site_cadastre as parcel
        left join lateral (select string_agg(building.name, ', ' order by building.name) as name from site_buildings as building
                            where building.building in ('public', 'civic') and building.name is not null
                              and ST_Within(ST_PointOnSurface(building.geom), parcel.geom)) as facility on true
        left join lateral (select min(point.residence) as residence from source_social_housing as point
                            where ST_Intersects(point.geom, parcel.geom)
                               or (not exists (select 1 from source_cadastre as other where ST_Intersects(point.geom, other.geom))
                                   and parcel.id = (select nearest.id from site_cadastre as nearest
                                                     where exists (select 1 from site_buildings as building
                                                                    where ST_Area(ST_Intersection(building.geom, nearest.geom)) > 1)
                                                     order by nearest.geom <-> point.geom, nearest.id limit 1)
                                   and ST_DWithin(point.geom, parcel.geom, 15))) as housing on true
        left join lateral (select max(ST_Area(ST_Intersection(building.geom, parcel.geom))) as area, max(building.name) as name
                             from site_buildings as building
                            where ST_Intersects(building.geom, parcel.geom)
                              and ST_Area(ST_Intersection(building.geom, parcel.geom)) > 1) as largest_building on true
        left join lateral (select sum(ST_Length(ST_Intersection(street.geom, parcel.geom))) as length from source_streets as street
                            where street.highway in ('footway', 'path', 'pedestrian') and ST_Intersects(street.geom, parcel.geom)) as footway on true`,
    values: [scenario.GAP_CADASTRAL_PARCEL],
  },
  {
    name: 'public space split by its nearest street',
    sql: `create temp table street_pieces as
      with axes as (select street.name, ST_Union(street.geom order by street.id) as geom from source_streets as street, public_space
                     where street.name is not null and street.highway = any($1::text[]) and ST_Intersects(street.geom, public_space.geom)
                     group by street.name),
           points as (select distinct on (ST_SnapToGrid(point.geom, 0.01)) axes.name, point.geom
                        from axes, ST_DumpPoints(ST_Segmentize(axes.geom, 4)) as point
                       order by ST_SnapToGrid(point.geom, 0.01), axes.name),
           cells as (select (ST_Dump(ST_VoronoiPolygons(ST_Collect(geom order by name, ST_X(geom), ST_Y(geom)), 0,
                                                          (select ST_Expand(geom, 200) from site)))).geom as geom from points),
           named_cells as (select points.name, cells.geom from cells join points on ST_Intersects(cells.geom, points.geom))
      select name, ST_CollectionExtract(ST_Intersection(ST_Union(named_cells.geom order by ST_XMin(named_cells.geom), ST_YMin(named_cells.geom)), public_space.geom), 3) as geom
        from named_cells, public_space group by name, public_space.geom
      having ST_Area(ST_Intersection(ST_Union(named_cells.geom), public_space.geom)) > 1`,
    values: [scenario.CARRIAGEWAY_KINDS],
  },
  {
    name: 'overflow: the street in front of the unmanaged path, drawn to its far side',
    sql: `create temp table street_overflow as
      with gap as (select geom from site_cadastre where id = $1),
           street as (select piece.name, axis.geom from street_pieces as piece
                        join source_streets as axis on axis.name = piece.name, gap
                       order by axis.geom <-> gap.geom, axis.id limit 1),
           anchor as (select street.name, ST_ClosestPoint(street.geom, gap.geom) as geom from street, gap)
      select anchor.name, ST_Difference(ST_Intersection(ST_Buffer((select ST_Union(geom order by id) from source_streets
                                                                    where name = anchor.name), 10), ST_Buffer(anchor.geom, $2::float8)),
                                        site.geom) as geom
        from anchor, site`,
    values: [scenario.GAP_CADASTRAL_PARCEL, scenario.OVERFLOW_RADIUS_METRES],
  },
  {
    name: 'the demolished wing: the building with most social-housing points within 5 m',
    sql: `create temp table demolished_building as
      select building.id, building.geom, parcel.id as cadastral_id, parcel.residence
        from site_buildings as building
        join cadastral_roles as parcel on parcel.role = 'social_housing' and ST_Within(ST_PointOnSurface(building.geom), parcel.geom)
       order by (select count(*) from source_social_housing as point where ST_DWithin(point.geom, building.geom, 5)) desc,
                ST_Area(building.geom) desc, building.id
       limit 1`,
  },
  {
    name: 'the courtyard (inside the closed lane around it) and the lane the city claims',
    sql: `create temp table courtyard as
      with lane as (select ST_Union(geom order by id) as geom from source_streets where name = $1),
           residence as (select geom from site_cadastre where id = (select cadastral_id from demolished_building))
      select ST_Intersection(ST_Buffer(ST_BuildArea(lane.geom), 3), residence.geom) as geom,
             ST_Intersection(ST_Buffer(lane.geom, $2::float8), residence.geom) as claimed_lane
        from lane, residence`,
    values: [scenario.COURTYARD_STREET_NAME, scenario.COURTYARD_CLAIM_HALF_WIDTH],
  },
  {
    name: 'the new path: from the street nearest the demolished wing to the courtyard',
    sql: `create temp table new_path as
      with start as (select ST_ClosestPoint(public_space.geom, ST_Centroid(demolished.geom)) as geom
                       from public_space, demolished_building as demolished),
           line as (select ST_MakeLine(start.geom, ST_ClosestPoint(ST_Boundary(courtyard.geom), start.geom)) as geom
                      from start, courtyard),
           residence as (select geom from site_cadastre where id = (select cadastral_id from demolished_building))
      select ST_CollectionExtract(ST_Difference(ST_Intersection(ST_Buffer(line.geom, $1::float8, 'endcap=square'), residence.geom),
                                                courtyard.geom), 3) as geom
        from line, residence, courtyard`,
    values: [scenario.NEW_PATH_HALF_WIDTH],
  },
  {
    name: 'works zone (around the wing, and the new path) and the rest of the residence',
    sql: `create temp table works as
      with residence as (select geom from site_cadastre where id = (select cadastral_id from demolished_building)),
           zone as (select ST_CollectionExtract(ST_Difference(ST_Intersection(
                             ST_Union(ST_ConvexHull(ST_Buffer(demolished.geom, 3)), new_path.geom), residence.geom), courtyard.geom), 3) as geom
                      from demolished_building as demolished, new_path, residence, courtyard)
      select zone.geom as works_zone,
             ST_CollectionExtract(ST_Difference(residence.geom, ST_Union(zone.geom, courtyard.geom)), 3) as residence_rest,
             ST_CollectionExtract(ST_Difference(ST_Union(zone.geom, courtyard.geom), new_path.geom), 3) as residentialised
        from zone, residence, courtyard, new_path`,
  },
  {
    name: 'overflow added to its street piece',
    sql: `update street_pieces as piece
             set geom = ST_Multi(ST_CollectionExtract(ST_Union(piece.geom, overflow.geom), 3))
            from street_overflow as overflow where overflow.name = piece.name`,
  },
  {
    name: 'private parcels merged into one piece per group of touching parcels',
    sql: `create temp table private_pieces as
      with pieces as (select block_id, (ST_Dump(ST_Union(geom order by id))).geom as geom
                        from cadastral_roles where role = 'private' group by block_id)
      select row_number() over (order by block_id, ST_XMin(geom), ST_YMin(geom))::int as id, geom,
             (select count(*) from cadastral_roles as parcel
               where parcel.role = 'private' and ST_Within(ST_PointOnSurface(parcel.geom), pieces.geom))::int as parcel_count,
             (select street.name from street_pieces as street
               order by street.geom <-> ST_PointOnSurface(pieces.geom), street.name limit 1) as street_name
        from pieces`,
  },
];
