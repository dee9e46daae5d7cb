-- The database health context: row-level security for the samples, and the few things the
-- application role may not do itself (signal another session, reset pg_stat_statements, ANALYZE a
-- table it does not own, read sequences it has no rights on), each behind a SECURITY DEFINER
-- function. The admin actions ask app.is_platform_admin() themselves, so a bug in a resolver
-- still cannot let a tenant's user cancel sessions or reset statistics.
ALTER TABLE health_samples ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE health_samples FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The worker appends a sample every minute (no principal); only platform admins read them.
CREATE POLICY append ON health_samples FOR INSERT TO markettina_app WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY platform_admins_read ON health_samples FOR SELECT TO markettina_app
  USING ((SELECT app.is_platform_admin()));
--> statement-breakpoint
CREATE POLICY maintenance ON health_samples TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON health_samples TO markettina_app;
--> statement-breakpoint
-- Samples are kept seven days; the worker purges older ones through this (it cannot delete).
CREATE FUNCTION app.purge_health_samples(p_before timestamptz) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH gone AS (DELETE FROM health_samples WHERE sampled_at < p_before RETURNING 1)
  SELECT count(*)::int FROM gone
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.purge_health_samples(timestamptz) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.purge_health_samples(timestamptz) TO markettina_app;
--> statement-breakpoint
-- PostgreSQL does not record when a materialized view was refreshed: the refresh functions do.
GRANT SELECT ON materialized_view_refreshes TO markettina_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app.refresh_workflow_performance() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  started timestamptz := clock_timestamp();
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY workflow_performance_hourly;
  INSERT INTO materialized_view_refreshes (view_name, refreshed_at, duration_ms)
  VALUES ('workflow_performance_hourly', clock_timestamp(),
          round(extract(epoch FROM clock_timestamp() - started) * 1000)::int)
  ON CONFLICT (view_name) DO UPDATE
    SET refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms;
END
$$;
--> statement-breakpoint
SELECT app.refresh_workflow_performance();
--> statement-breakpoint
CREATE FUNCTION app.require_platform_admin() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT app.is_platform_admin() THEN
    RAISE EXCEPTION 'only a platform admin can do this' USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;
--> statement-breakpoint
-- Cancels (or terminates) a session of this database. Never the caller's own session, never a
-- session of another database on the same server. false: no such session here.
CREATE FUNCTION app.health_signal_backend(p_pid integer, p_terminate boolean) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM app.require_platform_admin();
  IF p_pid = pg_backend_pid() OR NOT EXISTS (
       SELECT 1 FROM pg_stat_activity a
        WHERE a.pid = p_pid AND a.datname = current_database() AND a.backend_type = 'client backend') THEN
    RETURN false;
  END IF;
  IF p_terminate THEN
    RETURN pg_terminate_backend(p_pid);
  END IF;
  RETURN pg_cancel_backend(p_pid);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.health_signal_backend(integer, boolean) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.health_signal_backend(integer, boolean) TO markettina_app;
--> statement-breakpoint
-- Resets pg_stat_statements for this database only (the server may host others). The extension
-- may live in any schema (managed services put it in "extensions").
CREATE FUNCTION app.health_reset_query_stats() RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  nsp name;
BEGIN
  PERFORM app.require_platform_admin();
  SELECT n.nspname INTO nsp
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
   WHERE e.extname = 'pg_stat_statements';
  IF nsp IS NULL THEN
    RAISE EXCEPTION 'pg_stat_statements is not installed' USING ERRCODE = 'undefined_object';
  END IF;
  EXECUTE format('SELECT %I.pg_stat_statements_reset(0, %s, 0)', nsp,
                 (SELECT d.oid FROM pg_database d WHERE d.datname = current_database()));
  RETURN now();
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.health_reset_query_stats() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.health_reset_query_stats() TO markettina_app;
--> statement-breakpoint
-- ANALYZE of one table (or materialized view) of ours, by name. false: no such table. The name is
-- looked up in the catalog, never spliced into SQL as given.
CREATE FUNCTION app.health_analyze_table(p_schema text, p_table text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  rel regclass;
BEGIN
  PERFORM app.require_platform_admin();
  SELECT c.oid::regclass INTO rel
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = p_schema AND c.relname = p_table
     AND n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p', 'm');
  IF rel IS NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('ANALYZE %s', rel);
  RETURN true;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.health_analyze_table(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.health_analyze_table(text, text) TO markettina_app;
--> statement-breakpoint
-- Every sequence with how far it may go: the smaller of its own maximum and the maximum of the
-- integer column it feeds (a bigint sequence behind an integer column overflows at 2^31 - 1).
-- pg_sequences hides last_value from roles without rights on the sequence, hence SECURITY DEFINER;
-- it returns numbers and names only.
CREATE FUNCTION app.health_sequences()
RETURNS TABLE (sequence_name text, table_name text, column_name text, column_type text,
               last_value bigint, max_value bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT format('%I.%I', s.schemaname, s.sequencename),
         CASE WHEN t.oid IS NOT NULL THEN format('%I.%I', tn.nspname, t.relname) END,
         a.attname::text,
         format_type(a.atttypid, a.atttypmod),
         s.last_value,
         least(s.max_value, CASE a.atttypid
                              WHEN 'int2'::regtype THEN 32767
                              WHEN 'int4'::regtype THEN 2147483647
                              ELSE 9223372036854775807 END)
    FROM pg_sequences s
    JOIN pg_namespace sn ON sn.nspname = s.schemaname
    JOIN pg_class sc ON sc.relnamespace = sn.oid AND sc.relname = s.sequencename
    LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = sc.oid
                         AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    LEFT JOIN pg_class t ON t.oid = d.refobjid
    LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
   WHERE s.schemaname NOT IN ('pg_catalog', 'information_schema')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.health_sequences() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.health_sequences() TO markettina_app;
