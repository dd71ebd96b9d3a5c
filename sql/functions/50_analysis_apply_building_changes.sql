-- The planner's cost of these geometry functions is far above JIT's thresholds, and compiling the
-- queries (with inlining and optimisation at 100,000 parcels) costs more than it saves: jit = off.
/** Applies a statement's building changes: gaps near them for every service, and the outdoor area. */
create or replace function analysis_apply_building_changes(old_versions buildings[], new_versions buildings[])
returns void language plpgsql set jit = off as $$
declare
  change record;
  service text;
  outdoor_area double precision;
begin
  for change in
    with version as (
      select v.* from unnest(old_versions) v union all select v.* from unnest(new_versions) v)
    select version.site_id, phases.ordinal as phase, count(*) as changes, ST_Envelope(ST_Collect(version.geom)) as region
      from version
      join phases on phases.site_id = version.site_id and alive_at(version.from_phase, version.to_phase, phases.ordinal)
     group by version.site_id, phases.ordinal
     order by version.site_id, phases.ordinal
  loop
    perform pg_advisory_xact_lock(hashtextextended('analysis ' || change.site_id, 0));
    if change.changes > analysis_bulk_threshold() then
      perform analysis_recompute(change.site_id, change.phase);
      continue;
    end if;
    outdoor_area := ST_Area(analysis_outdoor(change.site_id, change.phase)::geography);
    for service in select code from services order by code loop
      perform analysis_refresh_gaps(change.site_id, change.phase, service, change.region);
      perform analysis_refresh_summary(change.site_id, change.phase, service, outdoor_area);
    end loop;
  end loop;
end $$;
