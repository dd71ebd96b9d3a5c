-- Who manages the point ($3 lon, $4 lat) of site $1 at phase $2: per service (all of them, in order),
-- the parcels alive there that cover it, with their organisation.
with point as (select ST_SetSRID(ST_MakePoint($3, $4), 4326) as geom),
place as (
  select ST_Intersects(sites.perimeter, point.geom)
         and not exists (select from buildings
                          where buildings.site_id = $1 and ST_Intersects(buildings.geom, point.geom)
                            and alive_at(buildings.from_phase, buildings.to_phase, $2)) as outdoor
    from sites, point where sites.id = $1),
hit as (
  select parcels.*
    from parcels, point
   where parcels.site_id = $1 and ST_Intersects(parcels.geom, point.geom)
     and alive_at(parcels.from_phase, parcels.to_phase, $2))
select json_build_object(
  'phase', $2::int,
  'point', json_build_array($3::float8, $4::float8),
  'outdoor', place.outdoor,
  'services', (
    select json_agg(json_build_object('service', services.code, 'parcels', coalesce((
             select json_agg(json_build_object(
                      'parcelId', hit.id, 'organisationId', hit.organisation_id, 'label', hit.label, 'agreementRef', hit.agreement_ref,
                      'organisation', json_build_object('name', organisations.name, 'shortName', organisations.short_name,
                                                        'colour', organisations.colour, 'contact', organisations.contact))
                    order by hit.id)
               from hit join organisations on organisations.id = hit.organisation_id
              where services.code = any (hit.services)), '[]'::json))
           order by services.position, services.code)
      from services)
) as who
  from place
