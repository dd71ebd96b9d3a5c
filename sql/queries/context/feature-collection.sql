-- The site's offline base map layers (streets, cadastral outlines), as a FeatureCollection.
select geojson_feature_collection(json_agg(geojson_feature(id, geom, json_build_object('layer', layer, 'kind', kind, 'name', name)) order by id)) as collection
  from context_features
 where site_id = $1
