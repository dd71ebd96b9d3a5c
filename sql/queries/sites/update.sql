-- Changes the fields of site $1 present in $2 (JSON); the perimeter is GeoJSON.
update sites
   set name = coalesce($2::json ->> 'name', name),
       commune = coalesce($2::json ->> 'commune', commune),
       description = case when ($2::jsonb) ? 'description' then $2::json ->> 'description' else description end,
       perimeter = coalesce(ST_SetSRID(ST_GeomFromGeoJSON($2::json -> 'perimeter'), 4326), perimeter),
       srid = coalesce(($2::json ->> 'srid')::int, srid),
       tolerance = coalesce(($2::json ->> 'tolerance')::double precision, tolerance),
       public = coalesce(($2::json ->> 'public')::boolean, public)
 where id = $1
