-- Removes the unit costs of site $1 for the services $2 (text[]).
delete from unit_costs where site_id = $1 and service = any ($2::text[])
