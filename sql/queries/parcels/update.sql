update parcels
   set geom = ST_SetSRID(ST_GeomFromGeoJSON($2), 4326), organisation_id = $3, services = $4, owner_id = $5,
       label = $6, agreement_ref = $7, notes = $8, from_phase = $9, to_phase = $10,
       version = version + 1, updated_at = now(), updated_by = $11
 where id = $1
returning version
