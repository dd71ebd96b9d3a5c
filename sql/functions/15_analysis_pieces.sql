-- The geometry steps that several analysis functions share: what a difference leaves, what two
-- parcels share, what a parcel has beyond the perimeter. Set-returning SQL functions without `set`
-- clauses, so that the planner inlines them into their callers: a caller's plan is the one it would
-- have with the step written out (the spatial indexes, the prepared perimeter of ST_Covers, the
-- pairs tested with ST_Relate before their intersection is computed).

/** The kind of an overlap: one organisation drawn twice ('duplicate') or two that both claim it ('conflict'). */
create or replace function analysis_overlap_kind(organisation_a uuid, organisation_b uuid)
returns text language sql immutable parallel safe as $$
  select case when organisation_a = organisation_b then 'duplicate' else 'conflict' end
$$;

/** The polygons of `whole` − `removed` (all of `whole` when `removed` is null), each a MultiPolygon with its geodesic area; empty and zero-area ones left out. */
create or replace function analysis_difference_pieces(whole geometry, removed geometry)
returns table (geom geometry, area double precision) language sql immutable parallel safe as $$
  select ST_Multi(piece.geom), measured.area
    from ST_Dump(ST_CollectionExtract(case when removed is null then whole else ST_Difference(whole, removed) end, 3)) as piece
   cross join lateral ST_Area(piece.geom::geography) as measured (area)
   where not ST_IsEmpty(piece.geom) and measured.area > 0
$$;

/** The overlap of two parcels whose interiors meet (no row otherwise): its polygons and geodesic area. */
create or replace function analysis_pair_overlap(geom_a geometry, geom_b geometry)
returns table (geom geometry, area double precision) language sql immutable parallel safe as $$
  select piece.geom, ST_Area(piece.geom::geography)
    from ST_Multi(ST_CollectionExtract(ST_Intersection(geom_a, geom_b), 3)) as piece (geom)
   where ST_Relate(geom_a, geom_b, '2********') and not ST_IsEmpty(piece.geom)
$$;

-- The perimeter first: PostGIS prepares the repeated first argument of ST_Covers once and tests every
-- parcel against it (ST_CoveredBy(parcel, perimeter) rebuilt the perimeter's index for each parcel:
-- 6.3 s at 100,000 parcels for 35 overflowing ones).
/** The overflow of a parcel (parcel − perimeter), when it is not covered by the perimeter: its polygons and geodesic area. */
create or replace function analysis_parcel_overflow(parcel geometry, perimeter geometry)
returns table (geom geometry, area double precision) language sql immutable parallel safe as $$
  select piece.geom, ST_Area(piece.geom::geography)
    from ST_Multi(ST_CollectionExtract(ST_Difference(parcel, perimeter), 3)) as piece (geom)
   where not ST_Covers(perimeter, parcel) and not ST_IsEmpty(piece.geom)
$$;
