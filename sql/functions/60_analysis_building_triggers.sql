-- Every write of buildings refreshes the analysis in its own transaction, whatever the path (API,
-- import, restore, scripts). Statement-level with transition tables (the triggers are in
-- sql/migrations/0004_analysis.sql), so that an import is one full recomputation rather than
-- thousands of small ones.

create or replace function analysis_buildings_inserted() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_building_changes(array[]::buildings[], (select coalesce(array_agg(n::buildings), '{}') from new_rows n));
  end if;
  return null;
end $$;

create or replace function analysis_buildings_updated() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_building_changes(
      (select coalesce(array_agg(o::buildings), '{}') from old_rows o join new_rows n on n.id = o.id
        where not (o.geom = n.geom) or o.from_phase <> n.from_phase or o.to_phase is distinct from n.to_phase),
      (select coalesce(array_agg(n::buildings), '{}') from old_rows o join new_rows n on n.id = o.id
        where not (o.geom = n.geom) or o.from_phase <> n.from_phase or o.to_phase is distinct from n.to_phase));
  end if;
  return null;
end $$;

create or replace function analysis_buildings_deleted() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform analysis_apply_building_changes((select coalesce(array_agg(o::buildings), '{}') from old_rows o), array[]::buildings[]);
  end if;
  return null;
end $$;
