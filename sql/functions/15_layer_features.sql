-- Each editable layer's feature as the API answers it, one definition for the collection of a phase
-- (sql/queries/<layer>/feature-collection.sql) and for features read by id (…/features.sql).

/** A parcel as a GeoJSON Feature, with its version and who changed it last. */
create or replace function parcel_feature(parcel parcels)
returns json language sql stable parallel safe as $$
  select geojson_feature(parcel.id, parcel.geom, json_build_object(
    'organisationId', parcel.organisation_id, 'services', parcel.services, 'ownerId', parcel.owner_id, 'label', parcel.label,
    'agreementRef', parcel.agreement_ref, 'notes', parcel.notes, 'fromPhase', parcel.from_phase, 'toPhase', parcel.to_phase,
    'version', parcel.version, 'updatedAt', parcel.updated_at, 'updatedBy', parcel.updated_by))
$$;

/** A building footprint as a GeoJSON Feature, with its version and who changed it last. */
create or replace function building_feature(building buildings)
returns json language sql stable parallel safe as $$
  select geojson_feature(building.id, building.geom, json_build_object(
    'label', building.label, 'fromPhase', building.from_phase, 'toPhase', building.to_phase,
    'version', building.version, 'updatedAt', building.updated_at, 'updatedBy', building.updated_by))
$$;

/** A works operation as a GeoJSON Feature, with its version and who changed it last. */
create or replace function operation_feature(operation operations)
returns json language sql stable parallel safe as $$
  select geojson_feature(operation.id, operation.geom, json_build_object(
    'kind', operation.kind, 'phase', operation.phase, 'clientId', operation.client_id, 'label', operation.label,
    'startsOn', to_char(operation.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(operation.ends_on, 'YYYY-MM-DD'),
    'version', operation.version, 'updatedAt', operation.updated_at, 'updatedBy', operation.updated_by))
$$;
