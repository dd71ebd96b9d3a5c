-- The rules of what the analysis looks at, written once. Inlined SQL functions: a query that calls
-- them is planned as if the conditions were written out (the indexes on the phases and on the services).

/** Whether what lives over [from_phase, to_phase) (to_phase null: from then on) is there at `phase` (core's isAliveAt). */
create or replace function alive_at(from_phase integer, to_phase integer, phase integer)
returns boolean language sql immutable parallel safe as $$
  select from_phase <= phase and (to_phase is null or phase < to_phase)
$$;

/** Whether a parcel counts in the analysis of a phase and a service: alive at the phase, and covering the service. */
create or replace function analysis_parcel_counts(parcel parcels, phase integer, service text)
returns boolean language sql immutable parallel safe as $$
  select alive_at(parcel.from_phase, parcel.to_phase, phase) and parcel.services @> array[service]
$$;
