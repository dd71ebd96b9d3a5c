-- Parallel safe, so that a full recomputation may run them on every core in a CREATE TABLE AS.
-- The perimeter first: PostGIS prepares the repeated first argument of ST_Covers once and tests every
-- parcel against it (ST_CoveredBy(parcel, perimeter) rebuilt the perimeter's index for each parcel:
-- 6.3 s at 100,000 parcels for 35 overflowing ones).
/** Overflow (parcel − perimeter) of the parcels alive at the phase covering the service: all, or those in `involved`. */
create or replace function analysis_overflow_pieces(site uuid, phase integer, service text, involved uuid[] default null)
returns table (parcel_id uuid, organisation_id uuid, geom geometry, area double precision)
language sql stable parallel safe as $$
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
