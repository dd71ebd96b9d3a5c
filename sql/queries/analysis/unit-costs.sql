-- The unit costs of site $1 (€/m²/year), per service: a default (organisation null) and per organisation.
select service, organisation_id as "organisationId", euros_per_m2_year as "eurosPerM2Year"
  from unit_costs
 where site_id = $1
 order by service, organisation_id nulls first
