-- Tessera's domain (docs/domain.md). Geometries are WGS84 lon/lat MultiPolygons, valid and non-empty.

create extension if not exists postgis;
create extension if not exists pgcrypto;

create table organisations (
  id          uuid primary key default gen_random_uuid(),
  name        text not null check (length(name) between 1 and 200),
  short_name  text not null check (length(short_name) between 1 and 40),
  kind        text not null check (kind in ('ville', 'agglomeration', 'bailleur', 'copropriete',
                'departement', 'etat', 'prestataire', 'prive', 'autre')),
  colour      text not null check (colour ~ '^#[0-9a-fA-F]{6}$'),
  parent_id   uuid references organisations (id) on delete set null,
  contact     jsonb,
  created_at  timestamptz not null default now(),
  check (parent_id is distinct from id)
);

create table services (
  code      text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  label_fr  text not null,
  label_en  text not null,
  position  integer not null default 0
);

insert into services (code, label_fr, label_en, position) values
  ('nettoiement', 'Nettoiement', 'Cleaning', 1),
  ('espaces_verts', 'Espaces verts', 'Green upkeep', 2),
  ('collecte_om', 'Collecte des ordures ménagères', 'Waste collection', 3),
  ('eclairage', 'Éclairage', 'Lighting', 4),
  ('voirie', 'Voirie', 'Paving and roads', 5),
  ('equipements', 'Équipements et mobilier', 'Play areas and street furniture', 6),
  ('viabilite_hivernale', 'Viabilité hivernale', 'Winter service', 7);

create table sites (
  id           uuid primary key default gen_random_uuid(),
  name         text not null check (length(name) between 1 and 200),
  commune      text not null check (length(commune) between 1 and 200),
  description  text check (length(description) <= 4000),
  perimeter    geometry(MultiPolygon, 4326) not null
                 check (ST_IsValid(perimeter) and not ST_IsEmpty(perimeter)),
  srid         integer not null default 2154,
  tolerance    double precision not null default 1 check (tolerance >= 0),
  public       boolean not null default false,
  created_at   timestamptz not null default now()
);
create index sites_perimeter_idx on sites using gist (perimeter);

create table phases (
  site_id    uuid not null references sites (id) on delete cascade,
  ordinal    integer not null check (ordinal >= 0),
  name       text not null check (length(name) between 1 and 200),
  kind       text not null check (kind in ('existant', 'transitoire', 'cible')),
  starts_on  date,
  ends_on    date,
  primary key (site_id, ordinal),
  check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

create table users (
  id             uuid primary key default gen_random_uuid(),
  email          text not null check (email = lower(email) and length(email) <= 320),
  display_name   text not null,
  password_hash  text not null,
  created_at     timestamptz not null default now()
);
create unique index users_email_idx on users (email);

create table site_roles (
  site_id  uuid not null references sites (id) on delete cascade,
  user_id  uuid not null references users (id) on delete cascade,
  role     text not null check (role in ('admin', 'coordinator', 'project', 'viewer')),
  primary key (site_id, user_id)
);

create table sessions (
  id_hash     text primary key,
  user_id     uuid not null references users (id) on delete cascade,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table api_tokens (
  id            uuid primary key default gen_random_uuid(),
  user_id       uuid not null references users (id) on delete cascade,
  name          text not null check (length(name) between 1 and 100),
  token_hash    text not null unique,
  created_at    timestamptz not null default now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);

-- A responsibility parcel exists over the phase range [from_phase, to_phase).
create table parcels (
  id               uuid primary key default gen_random_uuid(),
  site_id          uuid not null references sites (id) on delete cascade,
  geom             geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom)),
  organisation_id  uuid not null references organisations (id) on delete restrict,
  services         text[] not null check (cardinality(services) > 0),
  owner_id         uuid references organisations (id) on delete set null,
  label            text check (length(label) <= 200),
  agreement_ref    text check (length(agreement_ref) <= 200),
  notes            text check (length(notes) <= 4000),
  from_phase       integer not null default 0,
  to_phase         integer check (to_phase > from_phase),
  version          integer not null default 1 check (version >= 1),
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  updated_by       uuid references users (id) on delete set null,
  foreign key (site_id, from_phase) references phases (site_id, ordinal) on delete restrict,
  foreign key (site_id, to_phase) references phases (site_id, ordinal) on delete restrict
);
create index parcels_geom_idx on parcels using gist (geom);
create index parcels_site_phase_idx on parcels (site_id, from_phase, to_phase);
create index parcels_services_idx on parcels using gin (services);

-- Arrays cannot carry foreign keys: every service code of a parcel must exist.
-- Declared for the trigger; its body is sql/functions/60_check_parcel_services.sql (server/db/migrate.ts).
create function check_parcel_services() returns trigger language plpgsql as $$ begin raise 'defined in sql/functions'; end $$;

create trigger parcels_services_exist before insert or update of services on parcels
  for each row execute function check_parcel_services();

-- Every version of every parcel, kept after the parcel is deleted.
create table parcel_versions (
  parcel_id        uuid not null,
  version          integer not null,
  site_id          uuid not null references sites (id) on delete cascade,
  change           text not null check (change in ('create', 'update', 'delete', 'restore')),
  geom             geometry(MultiPolygon, 4326) not null,
  organisation_id  uuid not null,
  services         text[] not null,
  owner_id         uuid,
  label            text,
  agreement_ref    text,
  notes            text,
  from_phase       integer not null,
  to_phase         integer,
  changed_at       timestamptz not null default now(),
  changed_by       uuid references users (id) on delete set null,
  primary key (parcel_id, version)
);
create index parcel_versions_site_idx on parcel_versions (site_id);

create table buildings (
  id          uuid primary key default gen_random_uuid(),
  site_id     uuid not null references sites (id) on delete cascade,
  geom        geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom)),
  label       text check (length(label) <= 200),
  source_ref  text check (length(source_ref) <= 200),
  from_phase  integer not null default 0,
  to_phase    integer check (to_phase > from_phase),
  version     integer not null default 1,
  updated_at  timestamptz not null default now(),
  foreign key (site_id, from_phase) references phases (site_id, ordinal) on delete restrict,
  foreign key (site_id, to_phase) references phases (site_id, ordinal) on delete restrict
);
create index buildings_geom_idx on buildings using gist (geom);
create index buildings_site_idx on buildings (site_id);

-- A renewal works operation (opération PRU) and its perimeter.
create table operations (
  id          uuid primary key default gen_random_uuid(),
  site_id     uuid not null references sites (id) on delete cascade,
  geom        geometry(MultiPolygon, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom)),
  kind        text not null check (kind in ('demolition', 'construction', 'residentialisation',
                'amenagement', 'voirie_nouvelle', 'autre')),
  phase       integer not null,
  client_id   uuid references organisations (id) on delete set null,
  label       text not null check (length(label) between 1 and 200),
  starts_on   date,
  ends_on     date,
  version     integer not null default 1,
  updated_at  timestamptz not null default now(),
  foreign key (site_id, phase) references phases (site_id, ordinal) on delete restrict
);
create index operations_geom_idx on operations using gist (geom);
create index operations_site_idx on operations (site_id);

-- The offline base map drawn from the site's own layers: street lines, cadastral outlines.
create table context_features (
  id        bigint generated always as identity primary key,
  site_id   uuid not null references sites (id) on delete cascade,
  layer     text not null check (layer in ('street', 'cadastre')),
  kind      text,
  name      text,
  geom      geometry(Geometry, 4326) not null check (ST_IsValid(geom) and not ST_IsEmpty(geom))
);
create index context_features_site_idx on context_features (site_id, layer);
