-- Which of the referenced rows exist: organisations $2, services $3, phases $4 of site $1.
select (select coalesce(array_agg(id::text), '{}') from organisations where id = any($2::uuid[])) as organisations,
       (select coalesce(array_agg(code), '{}') from services where code = any($3::text[])) as services,
       (select coalesce(array_agg(ordinal), '{}') from phases where site_id = $1 and ordinal = any($4::int[])) as phases
