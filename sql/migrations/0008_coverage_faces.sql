-- This migration brought the unbalanced-edge method of the full recomputation (docs/analysis.md) and
-- the incremental summary of one edit; the live bodies are in sql/functions/, applied after the
-- migrations (server/db/migrate.ts). What stays is the signature change: analysis_refresh_gaps gained
-- a tolerance and returns how much the gaps changed, which `create or replace` cannot do to the old one.

drop function if exists analysis_refresh_gaps(uuid, integer, text, geometry);
