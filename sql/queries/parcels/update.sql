-- Replaces parcel $1's geometry ($2, GeoJSON) and properties ($3, JSON), one version up, by user $4.
update parcels
   set geom = ST_SetSRID(ST_GeomFromGeoJSON($2), 4326),
       organisation_id = ($3::json ->> 'organisationId')::uuid,
       services = array(select json_array_elements_text($3::json -> 'services')),
       owner_id = ($3::json ->> 'ownerId')::uuid, label = $3::json ->> 'label',
       agreement_ref = $3::json ->> 'agreementRef', notes = $3::json ->> 'notes',
       from_phase = ($3::json ->> 'fromPhase')::int, to_phase = ($3::json ->> 'toPhase')::int,
       version = version + 1, updated_at = now(), updated_by = $4
 where id = $1
