-- The unbalanced-edge method of the full recomputation (docs/analysis.md, "The unbalanced-edge
-- method"). It gives the same results as the union and all-pairs search: the same overlapping pairs
-- and overflow, byte for byte; the same gaps, drawn from the same edges, so that their areas agree to
-- about 1e-9 (1e-7 for a gap that bands cut and merged again: the vertices of the cut stay, and
-- geodesic areas see them).
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
-- tested instead of 36,600).
-- Equal coordinates are compared as bytes (ST_AsBinary): two coordinates that differ only as
-- 0.0 and −0.0 make an edge unbalanced, which costs time, never correctness.

/** The boundary segments of the parcels alive at the phase covering the service whose bounding box meets `band`, and of the perimeter within it, that do not cancel out (see above). */
create or replace function analysis_unbalanced_edges(site uuid, phase integer, service text, band geometry)
returns table (edge geometry) language sql stable parallel safe as $$
  with segment as (
    select ST_AsBinary(piece.geom) as forward, ST_AsBinary(ST_Reverse(piece.geom)) as backward, 1 as weight
      from parcels, ST_DumpSegments(ST_ForcePolygonCCW(parcels.geom)) as piece
     where parcels.site_id = site and parcels.geom && band
       and analysis_parcel_counts(parcels, phase, service)
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
