-- The order of a pair (a.id < b.id) must not become an index condition: at 100,000 parcels the planner
-- combined it with the GiST search in a BitmapAnd over the primary key, reading a third of the table
-- for every parcel (minutes instead of seconds). `is true` keeps it a plain filter.

/** Overlapping pairs of parcels alive at the phase covering the service: all of them, or those involving `involved`. */
create or replace function analysis_overlap_pairs(site uuid, phase integer, service text, involved uuid[] default null)
returns table (parcel_a uuid, parcel_b uuid, organisation_a uuid, organisation_b uuid, kind text, geom geometry, area double precision)
language sql stable as $$
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
       and ST_Relate(a.geom, b.geom, '2********')),
  piece as (
    select candidate.*, ST_Multi(ST_CollectionExtract(ST_Intersection(geom_a, geom_b), 3)) as geom from candidate)
  select id_a, id_b, organisation_a, organisation_b,
         case when organisation_a = organisation_b then 'duplicate' else 'conflict' end,
         piece.geom, ST_Area(piece.geom::geography)
    from piece
   where not ST_IsEmpty(piece.geom)
$$;

-- The perimeter first: PostGIS prepares the repeated first argument of ST_Covers once and tests every
-- parcel against it (ST_CoveredBy(parcel, perimeter) rebuilt the perimeter's index for each parcel:
-- 6.3 s at 100,000 parcels for 35 overflowing ones).
/** Overflow (parcel − perimeter) of the parcels alive at the phase covering the service: all, or those in `involved`. */
create or replace function analysis_overflow_pieces(site uuid, phase integer, service text, involved uuid[] default null)
returns table (parcel_id uuid, organisation_id uuid, geom geometry, area double precision)
language sql stable as $$
  with outside as (
    select parcels.id, parcels.organisation_id,
           ST_Multi(ST_CollectionExtract(ST_Difference(parcels.geom, sites.perimeter), 3)) as geom
      from parcels join sites on sites.id = parcels.site_id
     where parcels.site_id = site
       and (involved is null or parcels.id = any (involved))
       and parcels.from_phase <= phase and (parcels.to_phase is null or phase < parcels.to_phase)
       and parcels.services @> array[service]
       and not ST_Covers(sites.perimeter, parcels.geom))
  select id, organisation_id, outside.geom, ST_Area(outside.geom::geography)
    from outside
   where not ST_IsEmpty(outside.geom)
$$;

-- The planner's cost of these geometry functions is far above JIT's thresholds, and compiling the
-- queries (with inlining and optimisation at 100,000 parcels) costs more than it saves.
alter function analysis_recompute(uuid, integer, text[]) set jit = off;
alter function analysis_recompute_site(uuid) set jit = off;
alter function analysis_refresh_gaps(uuid, integer, text, geometry) set jit = off;
alter function analysis_apply_parcel_changes(parcels[], parcels[]) set jit = off;
alter function analysis_apply_building_changes(buildings[], buildings[]) set jit = off;
