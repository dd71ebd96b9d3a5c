-- Locks parcel ids $1 until the end of the transaction, in id order: writers of the same parcels
-- wait for each other, even for a deleted parcel (no row to lock) about to be restored, and two
-- sets of changes never deadlock. (The output list is evaluated after the sort.)
select pg_advisory_xact_lock(hashtextextended('parcel ' || id, 0)) from unnest($1::uuid[]) as id order by id
