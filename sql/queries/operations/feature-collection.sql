-- The works operations of a site (all phases, or phase $2 when given), as a FeatureCollection.
select json_build_object(
         'type', 'FeatureCollection',
         'features', coalesce(json_agg(json_build_object(
           'type', 'Feature', 'id', id,
           'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 7)::json,
           'properties', json_build_object('kind', kind, 'phase', phase, 'clientId', client_id, 'label', label,
                                           'startsOn', to_char(starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(ends_on, 'YYYY-MM-DD'),
                                           'version', version, 'updatedAt', updated_at, 'updatedBy', updated_by)
         ) order by phase, id), '[]'::json)
       ) as collection
  from operations
 where site_id = $1 and ($2::int is null or phase = $2)
