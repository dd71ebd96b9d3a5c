-- A new phase of site $1; ordinal $2 or the next one.
insert into phases (site_id, ordinal, name, kind, starts_on, ends_on)
values ($1, coalesce($2, (select max(ordinal) + 1 from phases where site_id = $1)), $3, $4, $5, $6)
returning ordinal, name, kind, to_char(starts_on, 'YYYY-MM-DD') as "startsOn", to_char(ends_on, 'YYYY-MM-DD') as "endsOn"
