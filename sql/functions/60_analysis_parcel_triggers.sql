-- Every write of parcels refreshes the analysis in its own transaction, whatever the path (API,
-- import, restore, scripts). Statement-level with transition tables (the triggers are in
-- sql/migrations/0004_analysis.sql), so that an import is one full recomputation rather than
-- thousands of small ones.

create or replace function analysis_parcels_inserted() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_parcel_changes(array[]::parcels[], (select coalesce(array_agg(n::parcels), '{}') from new_rows n));
  end if;
  return null;
end $$;

create or replace function analysis_parcels_updated() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_parcel_changes((select coalesce(array_agg(o::parcels), '{}') from old_rows o), (select coalesce(array_agg(n::parcels), '{}') from new_rows n));
  end if;
  return null;
end $$;

create or replace function analysis_parcels_deleted() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_parcel_changes((select coalesce(array_agg(o::parcels), '{}') from old_rows o), array[]::parcels[]);
  end if;
  return null;
end $$;
