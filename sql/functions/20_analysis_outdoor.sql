/** The outdoor space O at a phase: perimeter − buildings alive there; within `region` when given. */
create or replace function analysis_outdoor(site uuid, phase integer, region geometry default null)
returns geometry language sql stable as $$
  with perimeter as (
    select case when region is null then sites.perimeter else ST_Intersection(sites.perimeter, region) end as geom
      from sites where sites.id = site),
  built as (
    select ST_Union(buildings.geom) as geom
      from buildings
     where buildings.site_id = site
       and buildings.from_phase <= phase and (buildings.to_phase is null or phase < buildings.to_phase)
       and (region is null or (buildings.geom && region and ST_Intersects(buildings.geom, region))))
  select case when built.geom is null then perimeter.geom else ST_Difference(perimeter.geom, built.geom) end
    from perimeter, built
$$;
