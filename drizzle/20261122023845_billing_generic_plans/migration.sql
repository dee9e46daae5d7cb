-- The ledger's functions run the same few statements on every call. PL/pgSQL plans them once per
-- connection, but by default re-plans each call for its parameters until a generic plan looks no
-- worse, and for several of these statements it never does: planning then costs more than running.
-- Their best plan does not depend on the values (primary and unique keys), so use the generic one.
ALTER FUNCTION app.apply_ledger_entry() SET plan_cache_mode = force_generic_plan;
--> statement-breakpoint
ALTER FUNCTION app.track_lots() SET plan_cache_mode = force_generic_plan;
--> statement-breakpoint
ALTER FUNCTION app.reserve_tokens(uuid, text, bigint, text, text, integer, text, text) SET plan_cache_mode = force_generic_plan;
--> statement-breakpoint
ALTER FUNCTION app.settle_reservation(uuid, uuid, bigint, text, text) SET plan_cache_mode = force_generic_plan;
--> statement-breakpoint
ALTER FUNCTION app.record_change(uuid, text, text, uuid, jsonb, text, text) SET plan_cache_mode = force_generic_plan;
