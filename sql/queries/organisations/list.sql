select id, name, short_name as "shortName", kind, colour, parent_id as "parentId", contact
  from organisations
 order by name, id
