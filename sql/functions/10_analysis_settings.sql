-- Above this many changed parcels or buildings in one statement (an import), recompute in full.
create or replace function analysis_bulk_threshold() returns integer language sql immutable as 'select 50';

/** From this many parcels in a site, the full recomputation shares its work between workers. */
create or replace function analysis_parallel_threshold() returns integer language sql immutable as 'select 4000';

/** Whether the triggers should leave the analysis alone in this transaction (a loader recomputes at its end). */
create or replace function analysis_deferred() returns boolean language sql stable as $$
  select coalesce(current_setting('tessera.analysis_deferred', true), '') = 'on'
$$;
