-- The works operations of a site (all phases, or phase $2 when given), as a FeatureCollection.
select geojson_feature_collection(json_agg(operation_feature(operations) order by phase, id)) as collection
  from operations
 where site_id = $1 and ($2::int is null or phase = $2)
