-- Every write of parcels refreshes the analysis in its own transaction, whatever the path (API,
-- import, restore, scripts). Statement-level with transition tables (the triggers are in
-- sql/migrations/0004_analysis.sql and 0010_analysis_cleanup.sql), so that an import is one full
-- recomputation rather than thousands of small ones. One function for the three triggers: a
-- statement's old rows (updates, deletions) and new rows (inserts, updates).

create or replace function analysis_parcels_changed() returns trigger language plpgsql as $$
declare
  old_versions parcels[] := '{}';
  new_versions parcels[] := '{}';
begin
  if analysis_deferred() then
    return null;
  end if;
  if TG_OP <> 'INSERT' then
    old_versions := (select coalesce(array_agg(o::parcels), '{}') from old_rows o);
  end if;
  if TG_OP <> 'DELETE' then
    new_versions := (select coalesce(array_agg(n::parcels), '{}') from new_rows n);
  end if;
  perform analysis_apply_parcel_changes(old_versions, new_versions);
  return null;
end $$;
