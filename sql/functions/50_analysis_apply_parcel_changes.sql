-- One edit (p95 under 20 ms at 10,000 parcels). Summing every stored piece of the site again after
-- each edit (2,000 overlaps at 10,000 parcels, for each service of the parcel) was the costliest step:
-- the summary moves by what the edit removed and added (analysis_adjust_summary).
-- The planner's cost of these geometry functions is far above JIT's thresholds, and compiling the
-- queries (with inlining and optimisation at 100,000 parcels) costs more than it saves: jit = off.
/** Applies a statement's parcel changes (old and new versions) to the materialised analysis. */
create or replace function analysis_apply_parcel_changes(old_versions parcels[], new_versions parcels[])
returns void language plpgsql set jit = off as $$
declare
  change record;
  tolerance double precision;
  removed_area double precision;
  added_area double precision;
  overlap_change double precision;
  overflow_change double precision;
  gap_change double precision;
begin
  for change in
    with version as (
      select 'old' as side, v.* from unnest(old_versions) v
      union all
      select 'new', v.* from unnest(new_versions) v),
    alive as (
      select version.side, version.id, version.site_id, version.geom, version.organisation_id, phases.ordinal as phase, service
        from version
        join phases on phases.site_id = version.site_id and alive_at(version.from_phase, version.to_phase, phases.ordinal)
        cross join unnest(version.services) as service),
    differing as (
      select coalesce(before.site_id, after.site_id) as site_id, coalesce(before.phase, after.phase) as phase,
             coalesce(before.service, after.service) as service, coalesce(before.id, after.id) as id,
             before.geom as old_geom, after.geom as new_geom
        from (select * from alive where side = 'old') before
        full join (select * from alive where side = 'new') after
          on after.id = before.id and after.phase = before.phase and after.service = before.service
       where before.id is null or after.id is null
          or not (before.geom = after.geom) or before.organisation_id <> after.organisation_id)
    select site_id, phase, service, array_agg(distinct id) as ids,
           ST_Envelope(ST_Collect(array_agg(old_geom) || array_agg(new_geom))) as region
      from differing
     group by site_id, phase, service
     order by site_id, phase, service
  loop
    perform pg_advisory_xact_lock(hashtextextended('analysis ' || change.site_id, 0));
    if cardinality(change.ids) > analysis_bulk_threshold() then
      perform analysis_recompute(change.site_id, change.phase, array[change.service]);
      continue;
    end if;
    tolerance := (select sites.tolerance from sites where sites.id = change.site_id);
    -- Pairs where a changed parcel is either one (a BitmapOr of the primary key and parcel_b's index).
    with removed as (
      delete from analysis_overlaps o
       where o.site_id = change.site_id and o.phase = change.phase and o.service = change.service
         and (o.parcel_a = any (change.ids) or o.parcel_b = any (change.ids))
      returning o.area)
    select coalesce(sum(area) filter (where area >= tolerance), 0) into removed_area from removed;
    with inserted as (
      insert into analysis_overlaps (site_id, phase, service, parcel_a, parcel_b, organisation_a, organisation_b, kind, geom, area)
      select change.site_id, change.phase, change.service, pair.*
        from analysis_overlap_pairs_of(change.site_id, change.phase, change.service, change.ids) pair
      returning area)
    select coalesce(sum(area) filter (where area >= tolerance), 0) into added_area from inserted;
    overlap_change := added_area - removed_area;
    with removed as (
      delete from analysis_overflow f
       where f.site_id = change.site_id and f.phase = change.phase and f.service = change.service and f.parcel_id = any (change.ids)
      returning f.area)
    select coalesce(sum(area) filter (where area >= tolerance), 0) into removed_area from removed;
    with inserted as (
      insert into analysis_overflow (site_id, phase, service, parcel_id, organisation_id, geom, area)
      select change.site_id, change.phase, change.service, piece.*
        from analysis_overflow_pieces_among(change.site_id, change.phase, change.service, change.ids) piece
      returning area)
    select coalesce(sum(area) filter (where area >= tolerance), 0) into added_area from inserted;
    overflow_change := added_area - removed_area;
    gap_change := analysis_refresh_gaps(change.site_id, change.phase, change.service, change.region, tolerance);
    perform analysis_adjust_summary(change.site_id, change.phase, change.service, tolerance, gap_change, overlap_change, overflow_change);
  end loop;
end $$;
