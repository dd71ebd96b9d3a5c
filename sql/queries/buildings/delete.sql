delete from buildings where id = $1
