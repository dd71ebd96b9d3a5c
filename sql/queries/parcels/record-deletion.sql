-- Records the deletion of parcels $1 (ids) by user $2, each as a new version holding its last content.
insert into parcel_versions (parcel_id, version, site_id, change, geom, organisation_id, services, owner_id,
                             label, agreement_ref, notes, from_phase, to_phase, changed_at, changed_by)
select id, version + 1, site_id, 'delete', geom, organisation_id, services, owner_id, label, agreement_ref, notes,
       from_phase, to_phase, now(), $2
  from parcels where id = any($1::uuid[])
