-- Operations $1 (ids) as Features, each with its site (for access checks) and version, in the order of $1.
select site_id as "siteId", version, json_build_object(
         'type', 'Feature', 'id', id,
         'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 7)::json,
         'properties', json_build_object('kind', kind, 'phase', phase, 'clientId', client_id, 'label', label,
                                         'startsOn', to_char(starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(ends_on, 'YYYY-MM-DD'),
                                         'version', version, 'updatedAt', updated_at, 'updatedBy', updated_by)
       ) as feature
  from operations
 where id = any($1::uuid[])
 order by array_position($1::uuid[], id)
