-- The full recomputation of a large site in parallel (DESIGN §7: 10,000 parcels after an import).
-- The overlap search is the costliest step; marked parallel safe, it runs on every core in a
-- CREATE TABLE AS. Sites under ~5,000 parcels (a parcels table under 1 MB of theirs) stay serial.

alter function analysis_overlap_pairs(uuid, integer, text, uuid[]) parallel safe;
alter function analysis_overflow_pieces(uuid, integer, text, uuid[]) parallel safe;

/** Full recomputation of one phase of a site for some services (all services when null). */
create or replace function analysis_recompute(site uuid, phase integer, services text[] default null)
returns void language plpgsql as $$
declare
  outdoor geometry;
  outdoor_area double precision;
  each_service text;
begin
  if not exists (select from phases where phases.site_id = site and phases.ordinal = phase) then
    return;
  end if;
  outdoor := analysis_outdoor(site, phase);
  outdoor_area := ST_Area(outdoor::geography);
  for each_service in select code from services s where analysis_recompute.services is null or s.code = any (analysis_recompute.services) order by code loop
    delete from analysis_gaps g where g.site_id = site and g.phase = analysis_recompute.phase and g.service = each_service;
    insert into analysis_gaps (site_id, phase, service, geom, area)
    select site, phase, each_service, piece.geom, piece.area from analysis_gap_pieces(site, phase, each_service, outdoor) piece;
    delete from analysis_overlaps o where o.site_id = site and o.phase = analysis_recompute.phase and o.service = each_service;
    -- CREATE TABLE AS may run in parallel where INSERT … SELECT may not: the pairs are found by the
    -- workers, then copied.
    execute 'create temporary table analysis_pairs_found on commit drop as select * from analysis_overlap_pairs($1, $2, $3)'
      using site, phase, each_service;
    insert into analysis_overlaps (site_id, phase, service, parcel_a, parcel_b, organisation_a, organisation_b, kind, geom, area)
    select site, phase, each_service, pair.* from analysis_pairs_found pair;
    drop table analysis_pairs_found;
    delete from analysis_overflow f where f.site_id = site and f.phase = analysis_recompute.phase and f.service = each_service;
    insert into analysis_overflow (site_id, phase, service, parcel_id, organisation_id, geom, area)
    select site, phase, each_service, piece.* from analysis_overflow_pieces(site, phase, each_service) piece;
    perform analysis_refresh_summary(site, phase, each_service, outdoor_area);
  end loop;
end $$;

alter function analysis_recompute(uuid, integer, text[]) set min_parallel_table_scan_size = '1MB';
alter function analysis_recompute(uuid, integer, text[]) set parallel_setup_cost = 100;
alter function analysis_recompute(uuid, integer, text[]) set jit = off;
