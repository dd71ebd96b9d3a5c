insert into organisations (name, short_name, kind, colour, parent_id, contact)
values ($1, $2, $3, $4, $5, $6)
returning id, name, short_name as "shortName", kind, colour, parent_id as "parentId", contact
