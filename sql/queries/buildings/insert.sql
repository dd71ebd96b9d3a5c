-- Stores the checked buildings of $2 (a JSON array of {geometry, properties}) on site $1 by user $3, in order.
insert into buildings (site_id, geom, label, from_phase, to_phase, updated_by)
select $1, ST_SetSRID(ST_GeomFromGeoJSON(building -> 'geometry'), 4326), building -> 'properties' ->> 'label',
       (building -> 'properties' ->> 'fromPhase')::int, (building -> 'properties' ->> 'toPhase')::int, $3
  from json_array_elements($2::json) with ordinality as input (building, position)
 order by position
returning id
