-- Full recomputation of every phase and service of site $1 (the triggers resume in this transaction).
select set_config('tessera.analysis_deferred', 'off', true), analysis_recompute_site($1)
