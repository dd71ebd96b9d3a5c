-- A new perimeter changes everything; a new tolerance only which stored pieces count.
create or replace function analysis_site_updated() returns trigger language plpgsql as $$
declare
  summary record;
begin
  if analysis_deferred() then
    return null;
  end if;
  if not (old.perimeter = new.perimeter) then
    perform analysis_recompute_site(new.id);
  elsif old.tolerance <> new.tolerance then
    perform pg_advisory_xact_lock(hashtextextended('analysis ' || new.id, 0));
    for summary in select phase, service from analysis_summary where site_id = new.id loop
      perform analysis_refresh_summary(new.id, summary.phase, summary.service);
    end loop;
  end if;
  return null;
end $$;
