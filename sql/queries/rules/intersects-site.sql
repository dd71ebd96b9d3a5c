-- For each geometry of $2 (a JSON array of GeoJSON texts), whether it meets site $1's perimeter.
select input.position - 1 as index,
       ST_Intersects(sites.perimeter, ST_SetSRID(ST_GeomFromGeoJSON(input.geometry), 4326)) as intersects
  from sites, json_array_elements_text($2::json) with ordinality as input (geometry, position)
 where sites.id = $1
