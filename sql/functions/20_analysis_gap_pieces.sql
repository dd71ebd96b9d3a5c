/** The gap pieces (polygons, every size) of `outdoor` not covered by the parcels alive at the phase covering the service. */
create or replace function analysis_gap_pieces(site uuid, phase integer, service text, outdoor geometry)
returns table (geom geometry, area double precision) language sql stable parallel safe as $$
  with covered as (
    select ST_Union(parcels.geom) as geom
      from parcels
     where parcels.site_id = site
       and analysis_parcel_counts(parcels, phase, service))
  select piece.geom, piece.area
    from covered, analysis_difference_pieces(outdoor, covered.geom) as piece
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
      from gap group by cluster)
  select piece.geom, piece.area
    from merged
   cross join lateral (
     select ST_Union(buildings.geom) as geom
       from buildings
      where buildings.site_id = site and buildings.geom && merged.geom
        and alive_at(buildings.from_phase, buildings.to_phase, phase)
        and ST_Intersects(buildings.geom, merged.geom)) as built
   cross join lateral analysis_difference_pieces(merged.geom, built.geom) as piece
$$;
