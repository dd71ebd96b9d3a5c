-- GeoJSON as the API answers it (RFC 7946): the outer rings of polygons counter-clockwise, the
-- holes clockwise, coordinates to 7 decimals (about 1 cm). Stable (json_build_object is), and
-- inlined into the queries that call them, which are planned as if they were written out.

/** A GeoJSON Feature: its id, its geometry, its properties. */
create or replace function geojson_feature(id anyelement, geom geometry, properties json)
returns json language sql stable parallel safe as $$
  select json_build_object('type', 'Feature', 'id', id, 'geometry', ST_AsGeoJSON(ST_ForcePolygonCCW(geom), 7)::json, 'properties', properties)
$$;

/** A GeoJSON FeatureCollection of `features`, a JSON array (null: none). */
create or replace function geojson_feature_collection(features json)
returns json language sql stable parallel safe as $$
  select json_build_object('type', 'FeatureCollection', 'features', coalesce(features, '[]'::json))
$$;
