-- Parallel safe, so that a full recomputation may run them on every core in a CREATE TABLE AS.

/** Overflow (parcel − perimeter) of every parcel alive at the phase covering the service. */
create or replace function analysis_overflow_pieces(site uuid, phase integer, service text)
returns table (parcel_id uuid, organisation_id uuid, geom geometry, area double precision)
language sql stable parallel safe as $$
  select parcels.id, parcels.organisation_id, overflow.geom, overflow.area
    from parcels
    join sites on sites.id = parcels.site_id
   cross join lateral analysis_parcel_overflow(parcels.geom, sites.perimeter) as overflow
   where parcels.site_id = site
     and analysis_parcel_counts(parcels, phase, service)
$$;

/** Overflow (parcel − perimeter) of `candidates`, parcels alive at the phase covering the service, driven by their ids. */
create or replace function analysis_overflow_pieces_among(site uuid, phase integer, service text, candidates uuid[])
returns table (parcel_id uuid, organisation_id uuid, geom geometry, area double precision)
language sql stable parallel safe as $$
  select parcels.id, parcels.organisation_id, overflow.geom, overflow.area
    from unnest(candidates) as candidate (id)
    join parcels on parcels.id = candidate.id
    join sites on sites.id = parcels.site_id
   cross join lateral analysis_parcel_overflow(parcels.geom, sites.perimeter) as overflow
   where parcels.site_id = site
     and analysis_parcel_counts(parcels, phase, service)
$$;
