-- Copies the current rows of parcels $1 (ids) into their history, as the change $2 made by $3.
insert into parcel_versions (parcel_id, version, site_id, change, geom, organisation_id, services, owner_id,
                             label, agreement_ref, notes, from_phase, to_phase, changed_at, changed_by)
select id, version, site_id, $2, geom, organisation_id, services, owner_id, label, agreement_ref, notes,
       from_phase, to_phase, now(), $3
  from parcels where id = any($1::uuid[])
