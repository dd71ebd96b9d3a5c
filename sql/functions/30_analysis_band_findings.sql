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
       and analysis_parcel_counts(parcels, phase, service)),
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
          and analysis_parcel_counts(parcels, phase, service)) as covering
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
          and analysis_parcel_counts(parcels, phase, service)) as nearby
     cross join generate_subscripts(nearby.id, 1) as first
     cross join generate_subscripts(nearby.id, 1) as second
     where (counted.excess >= 1 or not counted.certain) and first < second and nearby.geom[first] && nearby.geom[second]),
  candidate as (
    select distinct on (id_a, id_b) * from near_pair order by id_a, id_b),
  pair as (
    select candidate.*, overlap.geom, overlap.area
      from candidate
     cross join lateral analysis_pair_overlap(candidate.geom_a, candidate.geom_b) as overlap)
  select 'gap', case when counted.certain then counted.face else
                  ST_CollectionExtract(ST_Difference(ST_Intersection(counted.face, site_perimeter), coalesce(
                    (select ST_Union(parcels.geom) from parcels
                      where parcels.geom && counted.face and ST_Intersects(parcels.geom, counted.face) and parcels.site_id = site
                        and analysis_parcel_counts(parcels, phase, service)),
                    'POLYGON EMPTY'::geometry)), 3) end,
         null::uuid, null::uuid, null::uuid, null::uuid, null::double precision
    from counted
   where counted.excess = -1 or not counted.certain
  union all
  select 'beyond', counted.face, null, null, null, null, null
    from counted
   where (counted.excess >= 1 or not counted.certain) and not ST_Covers(site_perimeter, counted.face)
  union all
  select 'overlap', pair.geom, pair.id_a, pair.id_b, pair.organisation_a, pair.organisation_b, pair.area
    from pair
  union all
  select 'incomplete', null, null, null, null, null, null from verdict where not verdict.complete
$$;
