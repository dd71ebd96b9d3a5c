-- The site's offline base map layers (streets, cadastral outlines), as a FeatureCollection.
select json_build_object(
         'type', 'FeatureCollection',
         'features', coalesce(json_agg(json_build_object(
           'type', 'Feature',
           'id', id,
           'geometry', ST_AsGeoJSON(geom, 7)::json,
           'properties', json_build_object('layer', layer, 'kind', kind, 'name', name)
         ) order by id), '[]'::json)
       ) as collection
  from context_features
 where site_id = $1
