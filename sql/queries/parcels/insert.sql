-- Stores the checked parcels of $2 (a JSON array of {id?, version?, geometry, properties}) on site $1, in order.
insert into parcels (id, site_id, geom, organisation_id, services, owner_id, label, agreement_ref, notes,
                     from_phase, to_phase, version, updated_by)
select coalesce((parcel ->> 'id')::uuid, gen_random_uuid()), $1, ST_SetSRID(ST_GeomFromGeoJSON(parcel -> 'geometry'), 4326),
       (parcel -> 'properties' ->> 'organisationId')::uuid,
       array(select json_array_elements_text(parcel -> 'properties' -> 'services')),
       (parcel -> 'properties' ->> 'ownerId')::uuid, parcel -> 'properties' ->> 'label',
       parcel -> 'properties' ->> 'agreementRef', parcel -> 'properties' ->> 'notes',
       (parcel -> 'properties' ->> 'fromPhase')::int, (parcel -> 'properties' ->> 'toPhase')::int,
       coalesce((parcel ->> 'version')::int, 1), $3
  from json_array_elements($2::json) with ordinality as input (parcel, position)
 order by position
returning id
