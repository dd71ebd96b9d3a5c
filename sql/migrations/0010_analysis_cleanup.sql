-- Arguments no caller gave: analysis_outdoor's and analysis_gap_pieces's `region` (the incremental
-- refresh computes its region's outdoor space and gaps itself), analysis_overlap_pairs's and
-- analysis_overflow_pieces's `involved` (the incremental path has its own functions, driven by the
-- parcels' ids). `create or replace` cannot remove an argument: the old functions are dropped, and
-- sql/functions/ defines the new ones after the migrations.
drop function if exists analysis_outdoor(uuid, integer, geometry);
drop function if exists analysis_gap_pieces(uuid, integer, text, geometry, geometry);
drop function if exists analysis_overlap_pairs(uuid, integer, text, uuid[]);
drop function if exists analysis_overflow_pieces(uuid, integer, text, uuid[]);

-- One trigger function per table for its three analysis triggers (the insert, update and delete ones
-- differed only in the rows they passed on). Declared here for the triggers; their bodies are
-- sql/functions/60_analysis_parcel_triggers.sql and 60_analysis_building_triggers.sql.
create function analysis_parcels_changed() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;
create function analysis_buildings_changed() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;

create or replace trigger analysis_parcels_insert after insert on parcels referencing new table as new_rows
  for each statement execute function analysis_parcels_changed();
create or replace trigger analysis_parcels_update after update on parcels referencing old table as old_rows new table as new_rows
  for each statement execute function analysis_parcels_changed();
create or replace trigger analysis_parcels_delete after delete on parcels referencing old table as old_rows
  for each statement execute function analysis_parcels_changed();
create or replace trigger analysis_buildings_insert after insert on buildings referencing new table as new_rows
  for each statement execute function analysis_buildings_changed();
create or replace trigger analysis_buildings_update after update on buildings referencing old table as old_rows new table as new_rows
  for each statement execute function analysis_buildings_changed();
create or replace trigger analysis_buildings_delete after delete on buildings referencing old table as old_rows
  for each statement execute function analysis_buildings_changed();

drop function analysis_parcels_inserted();
drop function analysis_parcels_updated();
drop function analysis_parcels_deleted();
drop function analysis_buildings_inserted();
drop function analysis_buildings_updated();
drop function analysis_buildings_deleted();
