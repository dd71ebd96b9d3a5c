insert into parcels (id, site_id, geom, organisation_id, services, owner_id, label, agreement_ref, notes,
                     from_phase, to_phase, version, updated_by)
values (coalesce($1, gen_random_uuid()), $2, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326), $4, $5, $6, $7, $8, $9, $10, $11,
        coalesce($12, 1), $13)
returning id
