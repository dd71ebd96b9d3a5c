-- Whether site $1 has the phases $2 (int[]) and whether service $3 exists (null: not asked).
select coalesce((select bool_and(exists (select from phases where site_id = $1 and ordinal = wanted)) from unnest($2::int[]) as wanted), true) as "phasesExist",
       ($3::text is null or exists (select from services where code = $3)) as "serviceExists",
       exists (select from analysis_summary where site_id = $1 and phase = any ($2::int[]) and service = $3) as "materialised"
