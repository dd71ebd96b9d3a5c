-- Changes the fields of organisation $1 present in $2 (JSON).
update organisations
   set name = coalesce($2::json ->> 'name', name),
       short_name = coalesce($2::json ->> 'shortName', short_name),
       kind = coalesce($2::json ->> 'kind', kind),
       colour = coalesce($2::json ->> 'colour', colour),
       parent_id = case when ($2::jsonb) ? 'parentId' then ($2::json ->> 'parentId')::uuid else parent_id end,
       contact = case when ($2::jsonb) ? 'contact' then ($2::jsonb -> 'contact') else contact end
 where id = $1
returning id, name, short_name as "shortName", kind, colour, parent_id as "parentId", contact
