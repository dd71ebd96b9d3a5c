-- Whether service $3 exists (null: not asked) and the analysis of site $1 is materialised at phases $2 (int[]).
select ($3::text is null or exists (select from services where code = $3)) as "serviceExists",
       exists (select from analysis_summary where site_id = $1 and phase = any ($2::int[]) and service = $3) as "materialised"
