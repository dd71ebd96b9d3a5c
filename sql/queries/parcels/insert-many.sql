-- Stores the checked parcels of $2 (a JSON array of {geometry, properties}) on site $1, in order.
insert into parcels (site_id, geom, organisation_id, services, owner_id, label, agreement_ref, notes,
                     from_phase, to_phase, updated_by)
select $1, ST_SetSRID(ST_GeomFromGeoJSON(parcel -> 'geometry'), 4326),
       (parcel -> 'properties' ->> 'organisationId')::uuid,
       array(select json_array_elements_text(parcel -> 'properties' -> 'services')),
       (parcel -> 'properties' ->> 'ownerId')::uuid, parcel -> 'properties' ->> 'label',
       parcel -> 'properties' ->> 'agreementRef', parcel -> 'properties' ->> 'notes',
       (parcel -> 'properties' ->> 'fromPhase')::int, (parcel -> 'properties' ->> 'toPhase')::int, $3
  from json_array_elements($2::json) with ordinality as input (parcel, position)
 order by position
returning id
