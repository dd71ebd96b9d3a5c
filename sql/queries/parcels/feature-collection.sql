-- The parcels of a site alive at phase $2 ([from_phase, to_phase) contains $2), as a FeatureCollection.
select json_build_object(
         'type', 'FeatureCollection',
         'features', coalesce(json_agg(json_build_object(
           'type', 'Feature',
           'id', id,
           'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 7)::json,
           'properties', json_build_object(
             'organisationId', organisation_id,
             'services', services,
             'ownerId', owner_id,
             'label', label,
             'agreementRef', agreement_ref,
             'notes', notes,
             'fromPhase', from_phase,
             'toPhase', to_phase,
             'version', version,
             'updatedAt', updated_at,
             'updatedBy', updated_by)
         ) order by id), '[]'::json)
       ) as collection
  from parcels
 where site_id = $1
   and from_phase <= $2 and (to_phase is null or $2 < to_phase)
