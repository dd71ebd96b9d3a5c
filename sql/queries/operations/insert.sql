-- Stores the checked operations of $2 (a JSON array of {geometry, properties}) on site $1 by user $3, in order.
insert into operations (site_id, geom, kind, phase, client_id, label, starts_on, ends_on, updated_by)
select $1, ST_SetSRID(ST_GeomFromGeoJSON(operation -> 'geometry'), 4326), operation -> 'properties' ->> 'kind',
       (operation -> 'properties' ->> 'phase')::int, (operation -> 'properties' ->> 'clientId')::uuid,
       operation -> 'properties' ->> 'label', (operation -> 'properties' ->> 'startsOn')::date,
       (operation -> 'properties' ->> 'endsOn')::date, $3
  from json_array_elements($2::json) with ordinality as input (operation, position)
 order by position
returning id
