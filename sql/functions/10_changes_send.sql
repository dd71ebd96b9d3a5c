-- Change notifications (docs/live-feed.md): the triggers of 60_changes_rows.sql send one NOTIFY on
-- channel `tessera_changes` per statement and site. NOTIFY is delivered at commit, so a rolled-back
-- write sends nothing. Payload: {siteId, layer, change, count, ids?, version?, updatedBy}. ids are
-- listed up to changes_max_listed_ids() only (an import of 10,000 parcels sends its count), which
-- keeps the payload far below PostgreSQL's 8000-byte limit (50 uuids ≈ 2 kB).

/** How many ids a notification lists at most. */
create or replace function changes_max_listed_ids() returns integer language sql immutable as 'select 50';

/** Who is writing: `tessera.user_id` when the writer set it (a deletion leaves no updated_by), else null. */
create or replace function changes_actor() returns uuid language sql stable as $$
  select nullif(current_setting('tessera.user_id', true), '')::uuid
$$;

/** Sends one change notification. */
create or replace function changes_send(site uuid, layer text, change text, ids uuid[], version integer, updated_by uuid)
returns void language sql as $$
  select pg_notify('tessera_changes', json_strip_nulls(json_build_object(
    'siteId', site, 'layer', layer, 'change', change, 'count', cardinality(ids),
    'ids', case when cardinality(ids) <= changes_max_listed_ids() then to_json(ids) end,
    'version', case when cardinality(ids) = 1 then version end,
    'updatedBy', updated_by))::text)
$$;
