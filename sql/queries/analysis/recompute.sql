-- Full recomputation of site $1 at phase $2 for service $3 (a service added after the site was computed).
select pg_advisory_xact_lock(hashtextextended('analysis ' || $1::uuid, 0)), analysis_recompute($1, $2, array[$3::text])
