-- Parcels $1 (ids) as Features, each with its site (for access checks) and version, in the order of $1.
select site_id as "siteId", version, json_build_object(
         'type', 'Feature',
         'id', id,
         'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 7)::json,
         'properties', json_build_object(
           'organisationId', organisation_id, 'services', services, 'ownerId', owner_id, 'label', label,
           'agreementRef', agreement_ref, 'notes', notes, 'fromPhase', from_phase, 'toPhase', to_phase,
           'version', version, 'updatedAt', updated_at, 'updatedBy', updated_by)
       ) as feature
  from parcels
 where id = any($1::uuid[])
 order by array_position($1::uuid[], id)
