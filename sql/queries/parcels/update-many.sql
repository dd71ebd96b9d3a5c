-- Replaces the geometry and properties of parcels in one statement (so that the analysis and the
-- change notifications run once): $1 is a JSON array of {id, geometry, properties}, each parcel goes
-- one version up, by user $2. Every parcel update goes through it (server/parcels/parcel-writes.ts).
update parcels
   set geom = ST_SetSRID(ST_GeomFromGeoJSON(change -> 'geometry'), 4326),
       organisation_id = (change -> 'properties' ->> 'organisationId')::uuid,
       services = array(select json_array_elements_text(change -> 'properties' -> 'services')),
       owner_id = (change -> 'properties' ->> 'ownerId')::uuid, label = change -> 'properties' ->> 'label',
       agreement_ref = change -> 'properties' ->> 'agreementRef', notes = change -> 'properties' ->> 'notes',
       from_phase = (change -> 'properties' ->> 'fromPhase')::int, to_phase = (change -> 'properties' ->> 'toPhase')::int,
       version = parcels.version + 1, updated_at = now(), updated_by = $2
  from json_array_elements($1::json) as input (change)
 where parcels.id = (change ->> 'id')::uuid
