select ST_AsGeoJSON(geom) as geometry, organisation_id as "organisationId", services, owner_id as "ownerId", label,
       agreement_ref as "agreementRef", notes, from_phase as "fromPhase", to_phase as "toPhase"
  from parcel_versions where parcel_id = $1 and version = $2
