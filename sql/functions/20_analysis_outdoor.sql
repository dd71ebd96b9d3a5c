/** The outdoor space O at a phase: perimeter − buildings alive there. */
create or replace function analysis_outdoor(site uuid, phase integer)
returns geometry language sql stable parallel safe as $$
  with built as (
    select ST_Union(buildings.geom) as geom
      from buildings
     where buildings.site_id = site
       and alive_at(buildings.from_phase, buildings.to_phase, phase))
  select case when built.geom is null then sites.perimeter else ST_Difference(sites.perimeter, built.geom) end
    from sites, built
   where sites.id = site
$$;
