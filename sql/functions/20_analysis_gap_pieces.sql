/** The gap pieces (polygons, every size) of `outdoor` not covered by the parcels alive at the phase covering the service, within `region` when given. */
create or replace function analysis_gap_pieces(site uuid, phase integer, service text, outdoor geometry, region geometry default null)
returns table (geom geometry, area double precision) language sql stable as $$
  with covered as (
    select ST_Union(parcels.geom) as geom
      from parcels
     where parcels.site_id = site
       and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
       and parcels.services @> array[service]
       and (region is null or (parcels.geom && region and ST_Intersects(parcels.geom, region)))),
  gap as (
    select ST_CollectionExtract(case when covered.geom is null then outdoor else ST_Difference(outdoor, covered.geom) end, 3) as geom
      from covered)
  select ST_Multi(piece.geom), measured.area
    from gap, ST_Dump(gap.geom) as piece
   cross join lateral ST_Area(piece.geom::geography) as measured (area)
   where not ST_IsEmpty(piece.geom) and measured.area > 0
$$;

/** The gap pieces (polygons, every size) made of gap regions (inside the perimeter, uncovered): touching regions merged, buildings alive at the phase taken out. */
create or replace function analysis_gap_pieces_of(site uuid, phase integer, gaps geometry[])
returns table (geom geometry, area double precision) language sql stable parallel safe as $$
  with gap as (
    select region, ST_ClusterDBSCAN(region, 0, 1) over () as cluster
      from unnest(gaps) as region
     where not ST_IsEmpty(region)),
  merged as (
    select case when count(*) = 1 then (array_agg(region))[1] else ST_Union(region) end as geom
      from gap group by cluster),
  outdoor as (
    select ST_CollectionExtract(case when built.geom is null then merged.geom else ST_Difference(merged.geom, built.geom) end, 3) as geom
      from merged
     cross join lateral (
       select ST_Union(buildings.geom) as geom
         from buildings
        where buildings.site_id = site and buildings.geom && merged.geom
          and buildings.from_phase <= phase and (buildings.to_phase is null or phase < buildings.to_phase)
          and ST_Intersects(buildings.geom, merged.geom)) as built)
  select ST_Multi(piece.geom), measured.area
    from outdoor, ST_Dump(outdoor.geom) as piece
   cross join lateral ST_Area(piece.geom::geography) as measured (area)
   where not ST_IsEmpty(piece.geom) and measured.area > 0
$$;
