select id, name, commune, description, srid, tolerance, public,
       ST_AsGeoJSON(ST_ForcePolygonCCW(perimeter), 7)::json as perimeter,
       json_build_array(ST_XMin(perimeter), ST_YMin(perimeter), ST_XMax(perimeter), ST_YMax(perimeter)) as bbox
  from sites
 where id = $1
