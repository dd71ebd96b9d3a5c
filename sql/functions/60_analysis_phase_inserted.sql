-- A new phase is computed in full; a deleted one loses its rows by cascade.
create or replace function analysis_phase_inserted() returns trigger language plpgsql as $$
begin
  if not analysis_deferred() then
    perform pg_advisory_xact_lock(hashtextextended('analysis ' || new.site_id, 0));
    perform analysis_recompute(new.site_id, new.ordinal);
  end if;
  return null;
end $$;
