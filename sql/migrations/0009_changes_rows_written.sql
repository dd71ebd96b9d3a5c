-- One trigger function for the inserts and the updates of parcels, buildings and operations
-- (changes_rows_inserted and changes_rows_updated differed only in the change they named). Declared
-- here for the triggers; its body is sql/functions/60_changes_rows.sql, applied after the migrations
-- (server/db/migrate.ts).
create function changes_rows_written() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;

create or replace trigger changes_parcels_insert after insert on parcels referencing new table as new_rows
  for each statement execute function changes_rows_written();
create or replace trigger changes_parcels_update after update on parcels referencing new table as new_rows
  for each statement execute function changes_rows_written();
create or replace trigger changes_buildings_insert after insert on buildings referencing new table as new_rows
  for each statement execute function changes_rows_written();
create or replace trigger changes_buildings_update after update on buildings referencing new table as new_rows
  for each statement execute function changes_rows_written();
create or replace trigger changes_operations_insert after insert on operations referencing new table as new_rows
  for each statement execute function changes_rows_written();
create or replace trigger changes_operations_update after update on operations referencing new table as new_rows
  for each statement execute function changes_rows_written();

drop function changes_rows_inserted();
drop function changes_rows_updated();
