-- The order of a pair (a.id < b.id) must not become an index condition: at 100,000 parcels the planner
-- combined it with the GiST search in a BitmapAnd over the primary key, reading a third of the table
-- for every parcel (minutes instead of seconds). `is true` keeps it a plain filter.
-- The overlap of a pair is computed once, in FROM: an inlined CTE is copied into both the emptiness
-- test and the result. Parallel safe: the all-pairs search of a full recomputation runs on every core.
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
