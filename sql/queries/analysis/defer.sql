-- Makes the analysis triggers skip this transaction's writes (a loader recomputes the site at its end).
select set_config('tessera.analysis_deferred', 'on', true)
