-- Who last changed a building or a works operation, as for parcels.
alter table buildings add column updated_by uuid references users (id) on delete set null;
alter table operations add column updated_by uuid references users (id) on delete set null;
