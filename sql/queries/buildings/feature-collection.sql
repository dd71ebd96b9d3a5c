-- The buildings of a site standing at phase $2, as a FeatureCollection.
select geojson_feature_collection(json_agg(building_feature(buildings) order by id)) as collection
  from buildings
 where site_id = $1 and alive_at(from_phase, to_phase, $2)
