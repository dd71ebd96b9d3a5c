-- Every write of parcels, buildings and operations, whatever the path (API, import, restore, scripts),
-- notifies once per statement and site (the triggers are in sql/migrations/0006_change_notifications.sql).

create or replace function changes_rows_inserted() returns trigger language plpgsql as $$
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

create or replace function changes_rows_updated() returns trigger language plpgsql as $$
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
create or replace function changes_rows_deleted() returns trigger language plpgsql as $$
declare
  changed record;
begin
  for changed in select site_id, array_agg(id order by id) as ids from old_rows group by site_id loop
    perform changes_send(changed.site_id, TG_TABLE_NAME, 'delete', changed.ids, null, changes_actor());
  end loop;
  return null;
end $$;
