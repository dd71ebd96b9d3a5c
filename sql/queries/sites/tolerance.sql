select tolerance from sites where id = $1
