-- Deletes parcels $1 (ids) in one statement.
delete from parcels where id = any($1::uuid[])
