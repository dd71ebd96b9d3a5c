-- Pieces of every size are stored; the site's tolerance is applied when reading and summing, so a
-- tolerance change needs no recomputation, and an incremental refresh also sees the small pieces
-- next to its region.

/** Rewrites the summary row from the stored pieces (sizes ≥ the site's tolerance); `outdoor_area` when given. */
create or replace function analysis_refresh_summary(site uuid, phase integer, service text, outdoor_area double precision default null)
returns void language plpgsql as $$
declare
  tolerance double precision := (select sites.tolerance from sites where sites.id = site);
  outdoor double precision := coalesce(outdoor_area, (select summary.outdoor_area from analysis_summary summary
                                 where summary.site_id = site and summary.phase = analysis_refresh_summary.phase
                                   and summary.service = analysis_refresh_summary.service));
  gap_total double precision;
  overlap_total double precision;
  overflow_total double precision;
begin
  if outdoor is null then
    outdoor := ST_Area(analysis_outdoor(site, phase)::geography);
  end if;
  select coalesce(sum(area), 0) into gap_total from analysis_gaps g
   where g.site_id = site and g.phase = analysis_refresh_summary.phase and g.service = analysis_refresh_summary.service and g.area >= tolerance;
  select coalesce(sum(area), 0) into overlap_total from analysis_overlaps o
   where o.site_id = site and o.phase = analysis_refresh_summary.phase and o.service = analysis_refresh_summary.service and o.area >= tolerance;
  select coalesce(sum(area), 0) into overflow_total from analysis_overflow f
   where f.site_id = site and f.phase = analysis_refresh_summary.phase and f.service = analysis_refresh_summary.service and f.area >= tolerance;
  insert into analysis_summary as summary (site_id, phase, service, outdoor_area, gap_area, overlap_area, overflow_area, coverage, computed_at)
  values (site, phase, service, outdoor, gap_total, overlap_total, overflow_total, case when outdoor > 0 then 1 - gap_total / outdoor else 1 end, clock_timestamp())
  on conflict on constraint analysis_summary_pkey do update
     set outdoor_area = excluded.outdoor_area, gap_area = excluded.gap_area, overlap_area = excluded.overlap_area,
         overflow_area = excluded.overflow_area, coverage = excluded.coverage, computed_at = excluded.computed_at;
end $$;

/** Moves the summary row by the changes of its totals (pieces of the tolerance or more); sums a total again when it falls under the tolerance, and the whole row when there is none. */
create or replace function analysis_adjust_summary(site uuid, phase integer, service text, tolerance double precision,
                                                   gap_change double precision, overlap_change double precision, overflow_change double precision)
returns void language plpgsql as $$
declare
  summary analysis_summary;
  floor double precision := greatest(tolerance, 1e-6);
begin
  select * into summary from analysis_summary s
   where s.site_id = site and s.phase = analysis_adjust_summary.phase and s.service = analysis_adjust_summary.service;
  if not found then
    perform analysis_refresh_summary(site, phase, service);
    return;
  end if;
  summary.gap_area := summary.gap_area + gap_change;
  summary.overlap_area := summary.overlap_area + overlap_change;
  summary.overflow_area := summary.overflow_area + overflow_change;
  if summary.gap_area < floor then
    select coalesce(sum(area), 0) into summary.gap_area from analysis_gaps g
     where g.site_id = site and g.phase = analysis_adjust_summary.phase and g.service = analysis_adjust_summary.service and g.area >= tolerance;
  end if;
  if summary.overlap_area < floor then
    select coalesce(sum(area), 0) into summary.overlap_area from analysis_overlaps o
     where o.site_id = site and o.phase = analysis_adjust_summary.phase and o.service = analysis_adjust_summary.service and o.area >= tolerance;
  end if;
  if summary.overflow_area < floor then
    select coalesce(sum(area), 0) into summary.overflow_area from analysis_overflow f
     where f.site_id = site and f.phase = analysis_adjust_summary.phase and f.service = analysis_adjust_summary.service and f.area >= tolerance;
  end if;
  update analysis_summary s
     set gap_area = summary.gap_area, overlap_area = summary.overlap_area, overflow_area = summary.overflow_area,
         coverage = case when summary.outdoor_area > 0 then 1 - summary.gap_area / summary.outdoor_area else 1 end,
         computed_at = clock_timestamp()
   where s.site_id = site and s.phase = analysis_adjust_summary.phase and s.service = analysis_adjust_summary.service;
end $$;
