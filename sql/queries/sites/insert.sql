-- A new site with its phase 0 (current state); its creator ($8) becomes its admin.
with site as (
  insert into sites (name, commune, description, perimeter, srid, tolerance, public)
  values ($1, $2, $3, ST_SetSRID(ST_GeomFromGeoJSON($4), 4326), $5, $6, $7)
  returning id),
phase as (insert into phases (site_id, ordinal, name, kind) select id, 0, 'État actuel', 'existant' from site),
role as (insert into site_roles (site_id, user_id, role) select id, $8, 'admin' from site)
select id from site
