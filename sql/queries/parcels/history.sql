select version, change, changed_at as "changedAt", changed_by as "changedBy", users.display_name as "changedByName",
       geojson_feature(parcel_id, geom, json_build_object(
         'organisationId', organisation_id, 'services', services, 'ownerId', owner_id, 'label', label,
         'agreementRef', agreement_ref, 'notes', notes, 'fromPhase', from_phase, 'toPhase', to_phase,
         'version', version)) as feature
  from parcel_versions left join users on users.id = parcel_versions.changed_by
 where parcel_id = $1
 order by version
