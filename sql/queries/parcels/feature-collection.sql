-- The parcels of a site alive at phase $2, as a FeatureCollection.
select geojson_feature_collection(json_agg(parcel_feature(parcels) order by id)) as collection
  from parcels
 where site_id = $1 and alive_at(from_phase, to_phase, $2)
