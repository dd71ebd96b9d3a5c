-- The full recomputation looks only where the parcels do not tile: see analysis_unbalanced_edges
-- (10,000 parcels under 0.6 s, 100,000 under 6 s, on 2 cores). Parcels that share few vertices leave
-- most edges unbalanced: then the union and all-pairs search is cheaper, and used.
-- A large site is computed in parallel: the bands of analysis_band_findings, or the all-pairs search,
-- run on every core in a CREATE TABLE AS (INSERT … SELECT may not run in parallel).
-- min_parallel_table_scan_size keeps sites under ~5,000 parcels (a parcels table under 1 MB of
-- theirs) serial; parallel_setup_cost = 100, a tenth of the default, lets the planner start workers.
-- The planner's cost of these geometry functions is far above JIT's thresholds, and compiling the
-- queries (with inlining and optimisation at 100,000 parcels) costs more than it saves: jit = off.
/** Full recomputation of one phase of a site for some services (all services when null). */
create or replace function analysis_recompute(site uuid, phase integer, services text[] default null)
returns void language plpgsql
set min_parallel_table_scan_size = '1MB' set parallel_setup_cost = 100 set jit = off as $$
declare
  outdoor geometry;
  outdoor_area double precision;
  site_perimeter geometry;
  each_service text;
  bands integer;
  complete boolean;
begin
  if not exists (select from phases where phases.site_id = site and phases.ordinal = phase) then
    return;
  end if;
  outdoor := analysis_outdoor(site, phase);
  outdoor_area := ST_Area(outdoor::geography);
  site_perimeter := (select sites.perimeter from sites where sites.id = site);
  -- One band per process of a parallel query (the leader and its workers), from a few thousand
  -- parcels: a worker costs a few milliseconds to start.
  bands := case when (select count(*) from parcels where parcels.site_id = site) >= analysis_parallel_threshold()
                then least(8, current_setting('max_parallel_workers_per_gather')::integer + 1) else 1 end;
  for each_service in select code from services s where analysis_recompute.services is null or s.code = any (analysis_recompute.services) order by code loop
    delete from analysis_gaps g where g.site_id = site and g.phase = analysis_recompute.phase and g.service = each_service;
    delete from analysis_overlaps o where o.site_id = site and o.phase = analysis_recompute.phase and o.service = each_service;
    delete from analysis_overflow f where f.site_id = site and f.phase = analysis_recompute.phase and f.service = each_service;
    execute 'create temporary table analysis_findings on commit drop as '
         || (select string_agg(format('select * from analysis_band_findings($1, $2, $3, $4, %s, %s)', band, bands), ' union all ')
               from generate_series(0, bands - 1) as band)
      using site, phase, each_service, site_perimeter;
    complete := not exists (select from analysis_findings found where found.finding = 'incomplete');
    if complete then
      insert into analysis_gaps (site_id, phase, service, geom, area)
      select site, phase, each_service, piece.geom, piece.area
        from analysis_gap_pieces_of(site, phase, array(select found.geom from analysis_findings found where found.finding = 'gap')) piece;
      insert into analysis_overlaps (site_id, phase, service, parcel_a, parcel_b, organisation_a, organisation_b, kind, geom, area)
      select distinct on (found.parcel_a, found.parcel_b) site, phase, each_service, found.parcel_a, found.parcel_b, found.organisation_a, found.organisation_b,
             analysis_overlap_kind(found.organisation_a, found.organisation_b), found.geom, found.area
        from analysis_findings found
       where found.finding = 'overlap'
       order by found.parcel_a, found.parcel_b;
      insert into analysis_overflow (site_id, phase, service, parcel_id, organisation_id, geom, area)
      select site, phase, each_service, piece.*
        from analysis_overflow_pieces_among(site, phase, each_service, analysis_parcels_near(site, phase, each_service,
               array(select found.geom from analysis_findings found where found.finding = 'beyond'))) piece;
    else
      insert into analysis_gaps (site_id, phase, service, geom, area)
      select site, phase, each_service, piece.geom, piece.area from analysis_gap_pieces(site, phase, each_service, outdoor) piece;
      -- CREATE TABLE AS may run in parallel where INSERT … SELECT may not: the pairs are found by the
      -- workers, then copied.
      execute 'create temporary table analysis_pairs_found on commit drop as select * from analysis_overlap_pairs($1, $2, $3)'
        using site, phase, each_service;
      insert into analysis_overlaps (site_id, phase, service, parcel_a, parcel_b, organisation_a, organisation_b, kind, geom, area)
      select site, phase, each_service, pair.* from analysis_pairs_found pair;
      drop table analysis_pairs_found;
      insert into analysis_overflow (site_id, phase, service, parcel_id, organisation_id, geom, area)
      select site, phase, each_service, piece.* from analysis_overflow_pieces(site, phase, each_service) piece;
    end if;
    drop table analysis_findings;
    perform analysis_refresh_summary(site, phase, each_service, outdoor_area);
  end loop;
end $$;

-- After a whole site is computed, the analysis tables hold rows the planner has no statistics for:
-- it then reads every piece of the site to find one parcel's (1–2 ms each, four times an edit).
/** Full recomputation of every phase and service of a site. */
create or replace function analysis_recompute_site(site uuid)
returns void language plpgsql set jit = off as $$
declare
  phase integer;
begin
  perform pg_advisory_xact_lock(hashtextextended('analysis ' || site, 0));
  for phase in select ordinal from phases where phases.site_id = site order by ordinal loop
    perform analysis_recompute(site, phase);
  end loop;
  analyze analysis_gaps, analysis_overlaps, analysis_overflow;
end $$;
