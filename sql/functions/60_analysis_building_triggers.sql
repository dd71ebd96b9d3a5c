-- Every write of buildings refreshes the analysis in its own transaction, whatever the path (API,
-- import, restore, scripts). Statement-level with transition tables (the triggers are in
-- sql/migrations/0004_analysis.sql and 0010_analysis_cleanup.sql), so that an import is one full
-- recomputation rather than thousands of small ones. One function for the three triggers: a
-- statement's old rows (updates, deletions) and new rows (inserts, updates); of an update, only the
-- buildings whose footprint or phases changed.

create or replace function analysis_buildings_changed() returns trigger language plpgsql as $$
declare
  old_versions buildings[] := '{}';
  new_versions buildings[] := '{}';
begin
  if analysis_deferred() then
    return null;
  end if;
  if TG_OP = 'UPDATE' then
    select coalesce(array_agg(o::buildings), '{}'), coalesce(array_agg(n::buildings), '{}') into old_versions, new_versions
      from old_rows o join new_rows n on n.id = o.id
     where not (o.geom = n.geom) or o.from_phase <> n.from_phase or o.to_phase is distinct from n.to_phase;
  elsif TG_OP = 'INSERT' then
    new_versions := (select coalesce(array_agg(n::buildings), '{}') from new_rows n);
  else
    old_versions := (select coalesce(array_agg(o::buildings), '{}') from old_rows o);
  end if;
  perform analysis_apply_building_changes(old_versions, new_versions);
  return null;
end $$;
