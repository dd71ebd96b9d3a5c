-- Replaces building $1's geometry ($2) and properties ($3, JSON), one version up, by user $4.
update buildings
   set geom = ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), label = $3::json ->> 'label',
       from_phase = ($3::json ->> 'fromPhase')::int, to_phase = ($3::json ->> 'toPhase')::int,
       version = version + 1, updated_at = now(), updated_by = $4
 where id = $1
