-- Changes the fields of phase $2 of site $1 present in $3 (JSON).
update phases
   set name = coalesce($3::json ->> 'name', name),
       kind = coalesce($3::json ->> 'kind', kind),
       starts_on = case when ($3::jsonb) ? 'startsOn' then ($3::json ->> 'startsOn')::date else starts_on end,
       ends_on = case when ($3::jsonb) ? 'endsOn' then ($3::json ->> 'endsOn')::date else ends_on end
 where site_id = $1 and ordinal = $2
returning ordinal, name, kind, to_char(starts_on, 'YYYY-MM-DD') as "startsOn", to_char(ends_on, 'YYYY-MM-DD') as "endsOn"
