/** The parcels alive at the phase covering the service whose bounding box meets one of `regions`. */
create or replace function analysis_parcels_near(site uuid, phase integer, service text, regions geometry[])
returns uuid[] language sql stable parallel safe as $$
  select coalesce(array_agg(distinct parcels.id), '{}')
    from unnest(regions) as region
    join parcels on parcels.geom && region
   where parcels.site_id = site
     and analysis_parcel_counts(parcels, phase, service)
$$;
