-- The outdoor space and the gap pieces of the region are those of analysis_outdoor and
-- analysis_gap_pieces, for the region only: the buildings and parcels that meet it, through the
-- spatial indexes. (Those functions once took an optional region: their `region is null or …` kept a
-- cached plan from the spatial indexes, so each edit planned them again.)
/** Recomputes the gaps of one phase and service within `region` extended with every stored gap piece it meets; returns how much the total area of the pieces of `tolerance` m² or more changed. */
create or replace function analysis_refresh_gaps(site uuid, phase integer, service text, region geometry, tolerance double precision default 0)
returns double precision language plpgsql set jit = off as $$
declare
  extended geometry;
  replaced bigint[];
  removed double precision;
  added double precision;
  outdoor geometry;
  built geometry;
  covered geometry;
begin
  select array_agg(g.id), ST_Union(region, ST_Union(g.geom)), coalesce(sum(g.area) filter (where g.area >= tolerance), 0)
    into replaced, extended, removed
    from analysis_gaps g
   where g.site_id = site and g.phase = analysis_refresh_gaps.phase and g.service = analysis_refresh_gaps.service
     and g.geom && region and ST_Intersects(g.geom, region);
  extended := coalesce(extended, region);
  delete from analysis_gaps g where g.id = any (replaced);
  select ST_Intersection(sites.perimeter, extended) into outdoor from sites where sites.id = site;
  select ST_Union(buildings.geom) into built
    from buildings
   where buildings.site_id = site
     and alive_at(buildings.from_phase, buildings.to_phase, phase)
     and buildings.geom && extended and ST_Intersects(buildings.geom, extended);
  if built is not null then
    outdoor := ST_Difference(outdoor, built);
  end if;
  select ST_Union(parcels.geom) into covered
    from parcels
   where parcels.site_id = site
     and analysis_parcel_counts(parcels, phase, service)
     and parcels.geom && extended and ST_Intersects(parcels.geom, extended);
  with inserted as (
    insert into analysis_gaps (site_id, phase, service, geom, area)
    select site, phase, service, piece.geom, piece.area from analysis_difference_pieces(outdoor, covered) as piece
    returning area)
  select coalesce(sum(area) filter (where area >= tolerance), 0) into added from inserted;
  return added - removed;
end $$;
