-- Sites the caller ($1, null when anonymous) may read: public ones and those where they have a role.
select id, name, commune, public,
       json_build_array(ST_XMin(perimeter), ST_YMin(perimeter), ST_XMax(perimeter), ST_YMax(perimeter)) as bbox
  from sites
 where public or exists (select 1 from site_roles where site_roles.site_id = sites.id and site_roles.user_id = $1)
 order by name, id
