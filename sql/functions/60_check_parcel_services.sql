-- Arrays cannot carry foreign keys: every service code of a parcel must exist.
create or replace function check_parcel_services() returns trigger language plpgsql as $$
declare
  unknown text;
begin
  select code into unknown from unnest(new.services) as code
   where code not in (select services.code from services) limit 1;
  if unknown is not null then
    raise foreign_key_violation using message = format('unknown service %s', unknown);
  end if;
  return new;
end $$;
