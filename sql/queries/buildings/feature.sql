select site_id as "siteId", version, json_build_object(
         'type', 'Feature', 'id', id,
         'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 7)::json,
         'properties', json_build_object('label', label, 'fromPhase', from_phase, 'toPhase', to_phase,
                                         'version', version, 'updatedAt', updated_at, 'updatedBy', updated_by)
       ) as feature
  from buildings where id = $1
