-- Stores unit costs of site $1 from $2 (JSON array of {service, organisationId, eurosPerM2Year}).
insert into unit_costs (site_id, service, organisation_id, euros_per_m2_year)
select $1, cost ->> 'service', (cost ->> 'organisationId')::uuid, (cost ->> 'eurosPerM2Year')::double precision
  from json_array_elements($2::json) as cost
