select ordinal, name, kind, to_char(starts_on, 'YYYY-MM-DD') as "startsOn", to_char(ends_on, 'YYYY-MM-DD') as "endsOn"
  from phases
 where site_id = $1
 order by ordinal
