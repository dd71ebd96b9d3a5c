-- Names user $1 as the writer of this transaction's changes, for the change notifications of deletions.
select set_config('tessera.user_id', $1, true)
