-- Change notifications (DESIGN.md §5, §8): every write of parcels, buildings and operations sends
-- one NOTIFY on channel `tessera_changes` per statement and site, whatever the path (API, import,
-- restore, scripts). NOTIFY is delivered at commit, so a rolled-back write sends nothing.
-- Payload: {siteId, layer, change, count, ids?, version?, updatedBy}. ids are listed up to
-- changes_max_listed_ids() only (an import of 10,000 parcels sends its count), which keeps the
-- payload far below PostgreSQL's 8000-byte limit (50 uuids ≈ 2 kB).

create function changes_max_listed_ids() returns integer language sql immutable as 'select 50';

/** Who is writing: `tessera.user_id` when the writer set it (a deletion leaves no updated_by), else null. */
create function changes_actor() returns uuid language sql stable as $$
  select nullif(current_setting('tessera.user_id', true), '')::uuid
$$;

/** Sends one change notification. */
create function changes_send(site uuid, layer text, change text, ids uuid[], version integer, updated_by uuid)
returns void language sql as $$
  select pg_notify('tessera_changes', json_strip_nulls(json_build_object(
    'siteId', site, 'layer', layer, 'change', change, 'count', cardinality(ids),
    'ids', case when cardinality(ids) <= changes_max_listed_ids() then to_json(ids) end,
    'version', case when cardinality(ids) = 1 then version end,
    'updatedBy', updated_by))::text)
$$;

create function changes_rows_inserted() returns trigger language plpgsql as $$
declare
  changed record;
begin
  for changed in
    select site_id, array_agg(id order by id) as ids, max(version) as version,
           case when count(distinct updated_by) = 1 then (array_agg(updated_by))[1] end as updated_by
      from new_rows group by site_id
  loop
    perform changes_send(changed.site_id, TG_TABLE_NAME, 'create', changed.ids, changed.version, coalesce(changes_actor(), changed.updated_by));
  end loop;
  return null;
end $$;

create function changes_rows_updated() returns trigger language plpgsql as $$
declare
  changed record;
begin
  for changed in
    select site_id, array_agg(id order by id) as ids, max(version) as version,
           case when count(distinct updated_by) = 1 then (array_agg(updated_by))[1] end as updated_by
      from new_rows group by site_id
  loop
    perform changes_send(changed.site_id, TG_TABLE_NAME, 'update', changed.ids, changed.version, coalesce(changes_actor(), changed.updated_by));
  end loop;
  return null;
end $$;

-- A deleted row's updated_by is its last editor, not who deleted it: only the writer's setting counts.
create function changes_rows_deleted() returns trigger language plpgsql as $$
declare
  changed record;
begin
  for changed in select site_id, array_agg(id order by id) as ids from old_rows group by site_id loop
    perform changes_send(changed.site_id, TG_TABLE_NAME, 'delete', changed.ids, null, changes_actor());
  end loop;
  return null;
end $$;

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
