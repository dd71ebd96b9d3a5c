-- Change notifications (docs/live-feed.md): every write of parcels, buildings and operations sends
-- one NOTIFY on channel `tessera_changes` per statement and site, whatever the path (API, import,
-- restore, scripts). NOTIFY is delivered at commit, so a rolled-back write sends nothing.
-- Payload: {siteId, layer, change, count, ids?, version?, updatedBy}. ids are listed up to
-- changes_max_listed_ids() only (an import of 10,000 parcels sends its count), which keeps the
-- payload far below PostgreSQL's 8000-byte limit (50 uuids ≈ 2 kB).

-- The functions are defined in sql/functions/ (10_changes_send.sql, 60_changes_rows.sql), applied
-- after the migrations (server/db/migrate.ts); the trigger functions are only declared here (0009
-- replaces the insert and update ones with changes_rows_written).
create function changes_rows_inserted() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;
create function changes_rows_updated() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;
create function changes_rows_deleted() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;

create trigger changes_parcels_insert after insert on parcels referencing new table as new_rows
  for each statement execute function changes_rows_inserted();
create trigger changes_parcels_update after update on parcels referencing new table as new_rows
  for each statement execute function changes_rows_updated();
create trigger changes_parcels_delete after delete on parcels referencing old table as old_rows
  for each statement execute function changes_rows_deleted();

create trigger changes_buildings_insert after insert on buildings referencing new table as new_rows
  for each statement execute function changes_rows_inserted();
create trigger changes_buildings_update after update on buildings referencing new table as new_rows
  for each statement execute function changes_rows_updated();
create trigger changes_buildings_delete after delete on buildings referencing old table as old_rows
  for each statement execute function changes_rows_deleted();

create trigger changes_operations_insert after insert on operations referencing new table as new_rows
  for each statement execute function changes_rows_inserted();
create trigger changes_operations_update after update on operations referencing new table as new_rows
  for each statement execute function changes_rows_updated();
create trigger changes_operations_delete after delete on operations referencing old table as old_rows
  for each statement execute function changes_rows_deleted();
