-- Replaces operation $1's geometry ($2) and properties ($3, JSON), one version up, by user $4.
update operations
   set geom = ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), kind = $3::json ->> 'kind',
       phase = ($3::json ->> 'phase')::int, client_id = ($3::json ->> 'clientId')::uuid,
       label = $3::json ->> 'label', starts_on = ($3::json ->> 'startsOn')::date,
       ends_on = ($3::json ->> 'endsOn')::date, version = version + 1, updated_at = now(), updated_by = $4
 where id = $1
