-- Every write of parcels, buildings and operations, whatever the path (API, import, restore, scripts),
-- notifies once per statement and site (the triggers:
-- sql/migrations/0006_change_notifications.sql, 0009_changes_rows_written.sql).

-- Inserts and updates differ only in the change they name.
create or replace function changes_rows_written() returns trigger language plpgsql as $$
declare
  changed record;
begin
  for changed in
    select site_id, array_agg(id order by id) as ids, max(version) as version,
           case when count(distinct updated_by) = 1 then (array_agg(updated_by))[1] end as updated_by
      from new_rows group by site_id
  loop
    perform changes_send(changed.site_id, TG_TABLE_NAME, case TG_OP when 'INSERT' then 'create' else 'update' end,
                         changed.ids, changed.version, coalesce(changes_actor(), changed.updated_by));
  end loop;
  return null;
end $$;

-- A deleted row's updated_by is its last editor, not who deleted it: only the writer's setting counts.
create or replace function changes_rows_deleted() returns trigger language plpgsql as $$
declare
  changed record;
begin
  for changed in select site_id, array_agg(id order by id) as ids from old_rows group by site_id loop
    perform changes_send(changed.site_id, TG_TABLE_NAME, 'delete', changed.ids, null, changes_actor());
  end loop;
  return null;
end $$;
