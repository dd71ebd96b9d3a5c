-- The full recomputation looks only where the parcels do not tile (issue #4: 10,000 parcels under
-- 0.6 s, 100,000 under 6 s, on 2 cores). Same results as 0007's union and all-pairs search: the
-- same overlapping pairs and overflow, byte for byte; the same gaps, drawn from the same edges, so
-- that their areas agree to about 1e-9 (1e-7 for a gap that bands cut and merged again: the
-- vertices of the cut stay, and geodesic areas see them).
--
-- Why it is exact. Orient every ring with its inside on the left (ST_ForcePolygonCCW). At a point,
-- the excess is the number of parcels covering it minus 1 inside the perimeter, 0 outside: 0 where
-- the plan is right, −1 in a gap, ≥ 1 in an overlap or an overflow. Crossing an edge from left to
-- right, the excess drops by (parcel edges A→B − parcel edges B→A − perimeter edges A→B) along that
-- segment. Where two parcels share an edge, or a parcel shares one with the perimeter, that sum is
-- 0: the edge is balanced and the excess does not change across it. So the excess is constant in
-- each face of the plane cut by the unbalanced edges alone; it is 0 in the unbounded one; and one
-- interior point tells it for the whole face. Gaps are the faces of excess −1 (less the buildings);
-- an overlapping pair or an overflowing parcel meets a face of excess ≥ 1.
--
-- Parcels drawn with shared vertices (the editor snaps; a generated tiling) leave few unbalanced
-- edges, around the defects: the work is proportional to them instead of to the whole site
-- (10,000 generated parcels: 5,500 of 39,000 edges are unbalanced, and 5,000 pairs of parcels are
-- tested instead of 36,600). Parcels that share few vertices leave most edges unbalanced: then the
-- union and all-pairs search of 0007 is cheaper, and used.
-- Equal coordinates are compared as bytes (ST_AsBinary): two coordinates that differ only as
-- 0.0 and −0.0 make an edge unbalanced, which costs time, never correctness.

/** The boundary segments of the parcels alive at the phase covering the service whose bounding box meets `band`, and of the perimeter within it, that do not cancel out (see above). */
create or replace function analysis_unbalanced_edges(site uuid, phase integer, service text, band geometry)
returns table (edge geometry) language sql stable parallel safe as $$
  with segment as (
    select ST_AsBinary(piece.geom) as forward, ST_AsBinary(ST_Reverse(piece.geom)) as backward, 1 as weight
      from parcels, ST_DumpSegments(ST_ForcePolygonCCW(parcels.geom)) as piece
     where parcels.site_id = site and parcels.geom && band
       and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
       and parcels.services @> array[service]
    union all
    select ST_AsBinary(piece.geom), ST_AsBinary(ST_Reverse(piece.geom)), -1
      from sites, ST_DumpSegments(ST_ForcePolygonCCW(sites.perimeter)) as piece
     where sites.id = site and piece.geom && band)
  select ST_GeomFromWKB(least(forward, backward), 4326)
    from segment
   where forward <> backward
   group by least(forward, backward)
  having sum(case when forward < backward then weight else -weight end) <> 0
$$;

-- Bands. Band k of n is the k-th vertical slice of the perimeter's bounding box (the first and last
-- open-ended). A segment within the slice belongs to parcels whose bounding boxes meet it, so the
-- unbalanced edges there are exactly the site's; the slice's sides are added to them, so that its
-- faces are the site's faces, cut where they cross a side (the same line in both neighbouring
-- bands). The pieces of a face have its excess; gap pieces cut by a side are merged again with
-- the others that touch. Band k answers for the faces within its slice, and PostgreSQL runs the
-- bands of one CREATE TABLE AS in parallel.
-- Within a band, the overlapping pairs are searched among the parcels whose bounding box meets a
-- face of excess ≥ 1, pair by pair within one face only (a pair met by faces of two bands comes
-- twice: the caller keeps one), with arrays rather than joins, which the planner, blind to the
-- sizes of these steps, would run as nested loops. A band is serial, with room for the hash table
-- of its segments: a parallel plan would split segments that cancel out between workers and send
-- nearly all of them through the gather.
/**
 * What band `band_index` of `bands` finds among the faces cut by the unbalanced edges (see above)
 * within its slice, each face's excess read at one interior point:
 * 'gap' rows, the gap within a face (the face when its excess is −1; computed from the parcels when
 * that point lies on a parcel's or the perimeter's boundary, a face too thin to hold a point clear
 * of every boundary); 'overlap' rows, the overlapping pairs, as analysis_overlap_pairs gives them;
 * 'beyond' rows, the faces of excess ≥ 1 not covered by the perimeter, where overflow lies. Instead,
 * one 'incomplete' row when edges are unbalanced almost everywhere (parcels drawn without
 * shared vertices, for which the union and all-pairs search is cheaper).
 */
create or replace function analysis_band_findings(site uuid, phase integer, service text, site_perimeter geometry,
                                                  band_index integer default 0, bands integer default 1)
returns table (finding text, geom geometry, parcel_a uuid, parcel_b uuid, organisation_a uuid, organisation_b uuid, area double precision)
language sql stable parallel safe cost 10000000 rows 1000
set max_parallel_workers_per_gather = 0 set work_mem = '64MB' set jit = off as $$
  with slice as (
    select case when band_index = 0 then '-infinity'::float8 else ST_XMin(site_perimeter) + width * band_index end as low,
           case when band_index = bands - 1 then 'infinity'::float8 else ST_XMin(site_perimeter) + width * (band_index + 1) end as high
      from (select (ST_XMax(site_perimeter) - ST_XMin(site_perimeter)) / bands as width) as band_width),
  band as (
    select ST_MakeEnvelope(greatest(slice.low, -1e30), -1e30, least(slice.high, 1e30), 1e30, 4326) as geom, slice.*
      from slice),
  edge as (
    select unbalanced.edge from band, analysis_unbalanced_edges(site, phase, service, band.geom) as unbalanced),
  worth as (
    select (select count(*) from edge) <= 2 * count(*) + 1000 as worth
      from band, parcels
     where parcels.site_id = site and parcels.geom && band.geom
       and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
       and parcels.services @> array[service]),
  side as (
    select ST_SetSRID(ST_MakeLine(ST_MakePoint(at, least(ST_YMin(site_perimeter), -90) - 1),
                                  ST_MakePoint(at, greatest(ST_YMax(site_perimeter), 90) + 1)), 4326) as edge
      from band, unnest(array[band.low, band.high]) as at
     where at not in ('-infinity', 'infinity')),
  owned as (
    select piece.path[1] as face_id, piece.geom as face, inside.point as inside
      from ST_Dump(case when (select worth from worth) then
                     (select ST_Polygonize(noded) from (
                        select ST_UnaryUnion(ST_Collect(cutting.edge)) as noded
                          from (select edge.edge from edge union all select side.edge from side) as cutting) as collected) end) as piece
     cross join lateral ST_PointOnSurface(piece.geom) as inside (point)
     cross join band
     where ST_X(inside.point) > band.low and ST_X(inside.point) < band.high),
  verdict as (
    select (select worth from worth) as complete),
  counted as (
    select owned.face_id, owned.face, covering.inside_count - ST_Contains(site_perimeter, owned.inside)::integer as excess,
           covering.inside_count = covering.meeting_count and ST_Contains(site_perimeter, owned.inside) = ST_Intersects(site_perimeter, owned.inside) as certain
      from owned
     cross join lateral (
       select count(*) filter (where ST_Contains(parcels.geom, owned.inside))::integer as inside_count,
              count(*) filter (where ST_Intersects(parcels.geom, owned.inside))::integer as meeting_count
         from parcels
        where parcels.geom && owned.inside and parcels.site_id = site
          and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
          and parcels.services @> array[service]) as covering
     where (select complete from verdict)),
  near_pair as (
    select nearby.id[first] as id_a, nearby.id[second] as id_b,
           nearby.organisation_id[first] as organisation_a, nearby.organisation_id[second] as organisation_b,
           nearby.geom[first] as geom_a, nearby.geom[second] as geom_b
      from counted
     cross join lateral (
       select array_agg(parcels.id order by parcels.id) as id, array_agg(parcels.organisation_id order by parcels.id) as organisation_id,
              array_agg(parcels.geom order by parcels.id) as geom
         from parcels
        where parcels.geom && counted.face and parcels.site_id = site
          and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
          and parcels.services @> array[service]) as nearby
     cross join generate_subscripts(nearby.id, 1) as first
     cross join generate_subscripts(nearby.id, 1) as second
     where (counted.excess >= 1 or not counted.certain) and first < second and nearby.geom[first] && nearby.geom[second]),
  candidate as (
    select distinct on (id_a, id_b) * from near_pair order by id_a, id_b),
  pair as (
    select candidate.*, piece.geom
      from candidate
     cross join lateral ST_Multi(ST_CollectionExtract(ST_Intersection(candidate.geom_a, candidate.geom_b), 3)) as piece (geom)
     where ST_Relate(candidate.geom_a, candidate.geom_b, '2********') and not ST_IsEmpty(piece.geom))
  select 'gap', case when counted.certain then counted.face else
                  ST_CollectionExtract(ST_Difference(ST_Intersection(counted.face, site_perimeter), coalesce(
                    (select ST_Union(parcels.geom) from parcels
                      where parcels.geom && counted.face and ST_Intersects(parcels.geom, counted.face) and parcels.site_id = site
                        and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
                        and parcels.services @> array[service]),
                    'POLYGON EMPTY'::geometry)), 3) end,
         null::uuid, null::uuid, null::uuid, null::uuid, null::double precision
    from counted
   where counted.excess = -1 or not counted.certain
  union all
  select 'beyond', counted.face, null, null, null, null, null
    from counted
   where (counted.excess >= 1 or not counted.certain) and not ST_Covers(site_perimeter, counted.face)
  union all
  select 'overlap', pair.geom, pair.id_a, pair.id_b, pair.organisation_a, pair.organisation_b, ST_Area(pair.geom::geography)
    from pair
  union all
  select 'incomplete', null, null, null, null, null, null from verdict where not verdict.complete
$$;

/** The parcels alive at the phase covering the service whose bounding box meets one of `regions`. */
create or replace function analysis_parcels_near(site uuid, phase integer, service text, regions geometry[])
returns uuid[] language sql stable parallel safe as $$
  select coalesce(array_agg(distinct parcels.id), '{}')
    from unnest(regions) as region
    join parcels on parcels.geom && region
   where parcels.site_id = site
     and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
     and parcels.services @> array[service]
$$;

/** The gap pieces (polygons, every size) made of gap regions (inside the perimeter, uncovered): touching regions merged, buildings alive at the phase taken out. */
create or replace function analysis_gap_pieces_of(site uuid, phase integer, gaps geometry[])
returns table (geom geometry, area double precision) language sql stable parallel safe as $$
  with gap as (
    select region, ST_ClusterDBSCAN(region, 0, 1) over () as cluster
      from unnest(gaps) as region
     where not ST_IsEmpty(region)),
  merged as (
    select case when count(*) = 1 then (array_agg(region))[1] else ST_Union(region) end as geom
      from gap group by cluster),
  outdoor as (
    select ST_CollectionExtract(case when built.geom is null then merged.geom else ST_Difference(merged.geom, built.geom) end, 3) as geom
      from merged
     cross join lateral (
       select ST_Union(buildings.geom) as geom
         from buildings
        where buildings.site_id = site and buildings.geom && merged.geom
          and buildings.from_phase <= phase and (buildings.to_phase is null or phase < buildings.to_phase)
          and ST_Intersects(buildings.geom, merged.geom)) as built)
  select ST_Multi(piece.geom), measured.area
    from outdoor, ST_Dump(outdoor.geom) as piece
   cross join lateral ST_Area(piece.geom::geography) as measured (area)
   where not ST_IsEmpty(piece.geom) and measured.area > 0
$$;

/** Overflow (parcel − perimeter) of `candidates`, parcels alive at the phase covering the service. */
create or replace function analysis_overflow_pieces_among(site uuid, phase integer, service text, candidates uuid[])
returns table (parcel_id uuid, organisation_id uuid, geom geometry, area double precision)
language sql stable parallel safe as $$
  with outside as (
    select parcels.id, parcels.organisation_id,
           ST_Multi(ST_CollectionExtract(ST_Difference(parcels.geom, sites.perimeter), 3)) as geom
      from unnest(candidates) as candidate (id)
      join parcels on parcels.id = candidate.id
      join sites on sites.id = parcels.site_id
     where parcels.site_id = site
       and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
       and parcels.services @> array[service]
       and not ST_Covers(sites.perimeter, parcels.geom))
  select id, organisation_id, outside.geom, ST_Area(outside.geom::geography)
    from outside
   where not ST_IsEmpty(outside.geom)
$$;

/** From this many parcels in a site, the full recomputation shares its work between workers. */
create or replace function analysis_parallel_threshold() returns integer language sql immutable as 'select 4000';

/** Full recomputation of one phase of a site for some services (all services when null). */
create or replace function analysis_recompute(site uuid, phase integer, services text[] default null)
returns void language plpgsql as $$
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
             case when found.organisation_a = found.organisation_b then 'duplicate' else 'conflict' end, found.geom, found.area
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

alter function analysis_recompute(uuid, integer, text[]) set min_parallel_table_scan_size = '1MB';
alter function analysis_recompute(uuid, integer, text[]) set parallel_setup_cost = 100;
alter function analysis_recompute(uuid, integer, text[]) set jit = off;

-- ---------------------------------------------------------------------------------------------
-- One edit (issue #4: p95 under 20 ms at 10,000 parcels). Summing every stored piece of the site
-- again after each edit (2,000 overlaps at 10,000 parcels, for each service of the parcel) was the
-- costliest step: the summary now moves by what the edit removed and added. A total that falls
-- under the tolerance is summed again from the pieces, so that it is exactly 0 when they are gone.

-- The overlap of a pair and the area of a piece were computed twice, for the emptiness test and
-- for the result (an inlined CTE is copied into both): a function in FROM computes them once.

/** Overlapping pairs of parcels alive at the phase covering the service: all of them, or those involving `involved`. */
create or replace function analysis_overlap_pairs(site uuid, phase integer, service text, involved uuid[] default null)
returns table (parcel_a uuid, parcel_b uuid, organisation_a uuid, organisation_b uuid, kind text, geom geometry, area double precision)
language sql stable parallel safe as $$
  with candidate as (
    select a.id as id_a, b.id as id_b, a.organisation_id as organisation_a, b.organisation_id as organisation_b, a.geom as geom_a, b.geom as geom_b
      from parcels a
      join parcels b on b.site_id = a.site_id and (a.id < b.id) is true
                    and b.from_phase <= phase and (b.to_phase is null or phase < b.to_phase)
                    and b.services @> array[service]
                    and a.geom && b.geom
     where a.site_id = site
       and a.from_phase <= phase and (a.to_phase is null or phase < a.to_phase)
       and a.services @> array[service]
       and (involved is null or a.id = any (involved) or b.id = any (involved))
       and ST_Relate(a.geom, b.geom, '2********'))
  select id_a, id_b, organisation_a, organisation_b,
         case when organisation_a = organisation_b then 'duplicate' else 'conflict' end,
         piece.geom, ST_Area(piece.geom::geography)
    from candidate
   cross join lateral ST_Multi(ST_CollectionExtract(ST_Intersection(candidate.geom_a, candidate.geom_b), 3)) as piece (geom)
   where not ST_IsEmpty(piece.geom)
$$;

/** The overlapping pairs involving a few parcels, driven by their ids so that the spatial index is used. */
create or replace function analysis_overlap_pairs_of(site uuid, phase integer, service text, involved uuid[])
returns table (parcel_a uuid, parcel_b uuid, organisation_a uuid, organisation_b uuid, kind text, geom geometry, area double precision)
language sql stable as $$
  with candidate as (
    select distinct on (least(mine.id, other.id), greatest(mine.id, other.id))
           least(mine.id, other.id) as id_a, greatest(mine.id, other.id) as id_b,
           case when mine.id < other.id then mine.organisation_id else other.organisation_id end as organisation_a,
           case when mine.id < other.id then other.organisation_id else mine.organisation_id end as organisation_b,
           case when mine.id < other.id then mine.geom else other.geom end as geom_a,
           case when mine.id < other.id then other.geom else mine.geom end as geom_b
      from parcels mine
      join parcels other on other.geom && mine.geom and other.id <> mine.id and other.site_id = mine.site_id
                        and other.from_phase <= phase and (other.to_phase is null or phase < other.to_phase)
                        and other.services @> array[service]
     where mine.id = any (involved) and mine.site_id = site
       and mine.from_phase <= phase and (mine.to_phase is null or phase < mine.to_phase)
       and mine.services @> array[service]
     order by least(mine.id, other.id), greatest(mine.id, other.id)),
  related as (select * from candidate where ST_Relate(geom_a, geom_b, '2********'))
  select id_a, id_b, organisation_a, organisation_b,
         case when organisation_a = organisation_b then 'duplicate' else 'conflict' end,
         piece.geom, ST_Area(piece.geom::geography)
    from related
   cross join lateral ST_Multi(ST_CollectionExtract(ST_Intersection(related.geom_a, related.geom_b), 3)) as piece (geom)
   where not ST_IsEmpty(piece.geom)
$$;

/** The gap pieces (polygons, every size) of `outdoor` not covered by the parcels alive at the phase covering the service, within `region` when given. */
create or replace function analysis_gap_pieces(site uuid, phase integer, service text, outdoor geometry, region geometry default null)
returns table (geom geometry, area double precision) language sql stable as $$
  with covered as (
    select ST_Union(parcels.geom) as geom
      from parcels
     where parcels.site_id = site
       and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
       and parcels.services @> array[service]
       and (region is null or (parcels.geom && region and ST_Intersects(parcels.geom, region)))),
  gap as (
    select ST_CollectionExtract(case when covered.geom is null then outdoor else ST_Difference(outdoor, covered.geom) end, 3) as geom
      from covered)
  select ST_Multi(piece.geom), measured.area
    from gap, ST_Dump(gap.geom) as piece
   cross join lateral ST_Area(piece.geom::geography) as measured (area)
   where not ST_IsEmpty(piece.geom) and measured.area > 0
$$;

drop function if exists analysis_refresh_gaps(uuid, integer, text, geometry);

-- The outdoor space and the gap pieces of the region are those of analysis_outdoor and
-- analysis_gap_pieces, written for a region only: their `region is null or …` keeps a cached plan
-- from the spatial indexes, so each edit planned them again.
/** Recomputes the gaps of one phase and service within `region` extended with every stored gap piece it meets; returns how much the total area of the pieces of `tolerance` m² or more changed. */
create or replace function analysis_refresh_gaps(site uuid, phase integer, service text, region geometry, tolerance double precision default 0)
returns double precision language plpgsql set jit = off as $$
declare
  extended geometry;
  replaced bigint[];
  removed double precision;
  added double precision;
  outdoor geometry;
  built geometry;
  covered geometry;
begin
  select array_agg(g.id), ST_Union(region, ST_Union(g.geom)), coalesce(sum(g.area) filter (where g.area >= tolerance), 0)
    into replaced, extended, removed
    from analysis_gaps g
   where g.site_id = site and g.phase = analysis_refresh_gaps.phase and g.service = analysis_refresh_gaps.service
     and g.geom && region and ST_Intersects(g.geom, region);
  extended := coalesce(extended, region);
  delete from analysis_gaps g where g.id = any (replaced);
  select ST_Intersection(sites.perimeter, extended) into outdoor from sites where sites.id = site;
  select ST_Union(buildings.geom) into built
    from buildings
   where buildings.site_id = site
     and buildings.from_phase <= phase and (buildings.to_phase is null or phase < buildings.to_phase)
     and buildings.geom && extended and ST_Intersects(buildings.geom, extended);
  if built is not null then
    outdoor := ST_Difference(outdoor, built);
  end if;
  select ST_Union(parcels.geom) into covered
    from parcels
   where parcels.site_id = site
     and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
     and parcels.services @> array[service]
     and parcels.geom && extended and ST_Intersects(parcels.geom, extended);
  with inserted as (
    insert into analysis_gaps (site_id, phase, service, geom, area)
    select site, phase, service, ST_Multi(piece.geom), measured.area
      from ST_Dump(ST_CollectionExtract(case when covered is null then outdoor else ST_Difference(outdoor, covered) end, 3)) as piece
     cross join lateral ST_Area(piece.geom::geography) as measured (area)
     where not ST_IsEmpty(piece.geom) and measured.area > 0
    returning area)
  select coalesce(sum(area) filter (where area >= tolerance), 0) into added from inserted;
  return added - removed;
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

/** Applies a statement's parcel changes (old and new versions) to the materialised analysis. */
create or replace function analysis_apply_parcel_changes(old_versions parcels[], new_versions parcels[])
returns void language plpgsql as $$
declare
  change record;
  tolerance double precision;
  removed_a double precision;
  removed_b double precision;
  added double precision;
  overlap_change double precision;
  overflow_change double precision;
  gap_change double precision;
begin
  for change in
    with version as (
      select 'old' as side, v.* from unnest(old_versions) v
      union all
      select 'new', v.* from unnest(new_versions) v),
    alive as (
      select version.side, version.id, version.site_id, version.geom, version.organisation_id, phases.ordinal as phase, service
        from version
        join phases on phases.site_id = version.site_id and version.from_phase <= phases.ordinal
                   and (version.to_phase is null or phases.ordinal < version.to_phase)
        cross join unnest(version.services) as service),
    differing as (
      select coalesce(before.site_id, after.site_id) as site_id, coalesce(before.phase, after.phase) as phase,
             coalesce(before.service, after.service) as service, coalesce(before.id, after.id) as id,
             before.geom as old_geom, after.geom as new_geom
        from (select * from alive where side = 'old') before
        full join (select * from alive where side = 'new') after
          on after.id = before.id and after.phase = before.phase and after.service = before.service
       where before.id is null or after.id is null
          or not (before.geom = after.geom) or before.organisation_id <> after.organisation_id)
    select site_id, phase, service, array_agg(distinct id) as ids,
           ST_Envelope(ST_Collect(array_agg(old_geom) || array_agg(new_geom))) as region
      from differing
     group by site_id, phase, service
     order by site_id, phase, service
  loop
    perform pg_advisory_xact_lock(hashtextextended('analysis ' || change.site_id, 0));
    if cardinality(change.ids) > analysis_bulk_threshold() then
      perform analysis_recompute(change.site_id, change.phase, array[change.service]);
      continue;
    end if;
    tolerance := (select sites.tolerance from sites where sites.id = change.site_id);
    with removed as (
      delete from analysis_overlaps o
       where o.site_id = change.site_id and o.phase = change.phase and o.service = change.service and o.parcel_a = any (change.ids)
      returning o.area)
    select coalesce(sum(area) filter (where area >= tolerance), 0) into removed_a from removed;
    with removed as (
      delete from analysis_overlaps o
       where o.site_id = change.site_id and o.phase = change.phase and o.service = change.service and o.parcel_b = any (change.ids)
      returning o.area)
    select coalesce(sum(area) filter (where area >= tolerance), 0) into removed_b from removed;
    with inserted as (
      insert into analysis_overlaps (site_id, phase, service, parcel_a, parcel_b, organisation_a, organisation_b, kind, geom, area)
      select change.site_id, change.phase, change.service, pair.*
        from analysis_overlap_pairs_of(change.site_id, change.phase, change.service, change.ids) pair
      returning area)
    select coalesce(sum(area) filter (where area >= tolerance), 0) into added from inserted;
    overlap_change := added - removed_a - removed_b;
    with removed as (
      delete from analysis_overflow f
       where f.site_id = change.site_id and f.phase = change.phase and f.service = change.service and f.parcel_id = any (change.ids)
      returning f.area)
    select coalesce(sum(area) filter (where area >= tolerance), 0) into removed_a from removed;
    with inserted as (
      insert into analysis_overflow (site_id, phase, service, parcel_id, organisation_id, geom, area)
      select change.site_id, change.phase, change.service, piece.*
        from analysis_overflow_pieces_among(change.site_id, change.phase, change.service, change.ids) piece
      returning area)
    select coalesce(sum(area) filter (where area >= tolerance), 0) into added from inserted;
    overflow_change := added - removed_a;
    gap_change := analysis_refresh_gaps(change.site_id, change.phase, change.service, change.region, tolerance);
    perform analysis_adjust_summary(change.site_id, change.phase, change.service, tolerance, gap_change, overlap_change, overflow_change);
  end loop;
end $$;

alter function analysis_apply_parcel_changes(parcels[], parcels[]) set jit = off;

-- After a whole site is computed, the analysis tables hold rows the planner has no statistics for:
-- it then reads every piece of the site to find one parcel's (1–2 ms each, four times an edit).
/** Full recomputation of every phase and service of a site. */
create or replace function analysis_recompute_site(site uuid)
returns void language plpgsql as $$
declare
  phase integer;
begin
  perform pg_advisory_xact_lock(hashtextextended('analysis ' || site, 0));
  for phase in select ordinal from phases where phases.site_id = site order by ordinal loop
    perform analysis_recompute(site, phase);
  end loop;
  analyze analysis_gaps, analysis_overlaps, analysis_overflow;
end $$;

alter function analysis_recompute_site(uuid) set jit = off;
