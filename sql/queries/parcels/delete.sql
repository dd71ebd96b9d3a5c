delete from parcels where id = $1
