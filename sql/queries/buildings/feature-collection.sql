-- The buildings of a site standing at phase $2, as a FeatureCollection.
select json_build_object(
         'type', 'FeatureCollection',
         'features', coalesce(json_agg(json_build_object(
           'type', 'Feature',
           'id', id,
           'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 7)::json,
           'properties', json_build_object('label', label, 'fromPhase', from_phase, 'toPhase', to_phase, 'version', version)
         ) order by id), '[]'::json)
       ) as collection
  from buildings
 where site_id = $1
   and from_phase <= $2 and (to_phase is null or $2 < to_phase)
