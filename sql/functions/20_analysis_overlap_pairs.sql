-- The order of a pair (a.id < b.id) must not become an index condition: at 100,000 parcels the planner
-- combined it with the GiST search in a BitmapAnd over the primary key, reading a third of the table
-- for every parcel (minutes instead of seconds). `is true` keeps it a plain filter.
-- Parallel safe: the all-pairs search of a full recomputation runs on every core.
/** Overlapping pairs of parcels alive at the phase covering the service, all of them. */
create or replace function analysis_overlap_pairs(site uuid, phase integer, service text)
returns table (parcel_a uuid, parcel_b uuid, organisation_a uuid, organisation_b uuid, kind text, geom geometry, area double precision)
language sql stable parallel safe as $$
  select a.id, b.id, a.organisation_id, b.organisation_id, analysis_overlap_kind(a.organisation_id, b.organisation_id), overlap.geom, overlap.area
    from parcels a
    join parcels b on b.site_id = a.site_id and (a.id < b.id) is true
                  and analysis_parcel_counts(b, phase, service)
                  and a.geom && b.geom
   cross join lateral analysis_pair_overlap(a.geom, b.geom) as overlap
   where a.site_id = site
     and analysis_parcel_counts(a, phase, service)
$$;

/** The overlapping pairs involving a few parcels, driven by their ids so that the spatial index is used. */
create or replace function analysis_overlap_pairs_of(site uuid, phase integer, service text, involved uuid[])
returns table (parcel_a uuid, parcel_b uuid, organisation_a uuid, organisation_b uuid, kind text, geom geometry, area double precision)
language sql stable parallel safe as $$
  with candidate as (
    select distinct on (least(mine.id, other.id), greatest(mine.id, other.id))
           least(mine.id, other.id) as id_a, greatest(mine.id, other.id) as id_b,
           case when mine.id < other.id then mine.organisation_id else other.organisation_id end as organisation_a,
           case when mine.id < other.id then other.organisation_id else mine.organisation_id end as organisation_b,
           case when mine.id < other.id then mine.geom else other.geom end as geom_a,
           case when mine.id < other.id then other.geom else mine.geom end as geom_b
      from parcels mine
      join parcels other on other.geom && mine.geom and other.id <> mine.id and other.site_id = mine.site_id
                        and analysis_parcel_counts(other, phase, service)
     where mine.id = any (involved) and mine.site_id = site
       and analysis_parcel_counts(mine, phase, service)
     order by least(mine.id, other.id), greatest(mine.id, other.id))
  select id_a, id_b, organisation_a, organisation_b, analysis_overlap_kind(organisation_a, organisation_b), overlap.geom, overlap.area
    from candidate
   cross join lateral analysis_pair_overlap(candidate.geom_a, candidate.geom_b) as overlap
$$;
