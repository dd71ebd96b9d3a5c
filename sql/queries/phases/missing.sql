-- The phases of $2 (int[]) that site $1 does not have, in the order asked.
select wanted as phase
  from unnest($2::int[]) with ordinality as input (wanted, position)
 where not exists (select from phases where site_id = $1 and ordinal = wanted)
 order by position
