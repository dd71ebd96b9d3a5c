-- Sites anyone may read, lightest first for the home page.
select id, name, commune, public,
       json_build_array(ST_XMin(perimeter), ST_YMin(perimeter), ST_XMax(perimeter), ST_YMax(perimeter)) as bbox
  from sites
 where public
 order by name, id
