-- Durable workflows: tenant rows under row-level security, the status view, the hourly
-- performance materialized view (filtered by tenant in a function: a materialized view
-- cannot have row-level security), read through app.workflow_performance(), and the
-- cross-tenant functions the worker calls.
SELECT app.enable_tenant_rls('workflow_definitions');
--> statement-breakpoint
SELECT app.enable_tenant_rls('workflow_instances');
--> statement-breakpoint
SELECT app.enable_tenant_rls('workflow_steps');
--> statement-breakpoint
SELECT app.enable_tenant_rls('step_executions');
--> statement-breakpoint
SELECT app.enable_tenant_rls('workflow_events');
--> statement-breakpoint
SELECT app.enable_tenant_rls('workflow_variables');
--> statement-breakpoint
SELECT app.enable_tenant_rls('workflow_schedules');
--> statement-breakpoint
SELECT app.enable_tenant_rls('workflow_snapshots');
--> statement-breakpoint
SELECT app.enable_tenant_rls('workflow_compensations');
--> statement-breakpoint
-- The history and the snapshots are append-only for the application.
GRANT SELECT, INSERT ON workflow_events, workflow_snapshots TO markettina_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON workflow_instances, workflow_steps, step_executions, workflow_variables, workflow_compensations TO markettina_app;
--> statement-breakpoint
-- Drafts and schedules can be deleted.
GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_definitions, workflow_schedules TO markettina_app;
--> statement-breakpoint
-- Steps per instance by status. security_invoker: the caller's row-level security applies.
CREATE VIEW workflow_instance_step_status WITH (security_invoker = true) AS
SELECT i.account_id, i.id AS instance_id, i.definition_id, i.status,
       count(s.id)::int AS steps_total,
       (count(s.id) FILTER (WHERE s.status = 'completed'))::int AS steps_completed,
       (count(s.id) FILTER (WHERE s.status = 'failed'))::int AS steps_failed,
       (count(s.id) FILTER (WHERE s.status = 'running'))::int AS steps_running,
       (count(s.id) FILTER (WHERE s.status = 'pending'))::int AS steps_pending,
       (count(s.id) FILTER (WHERE s.status = 'skipped'))::int AS steps_skipped
  FROM workflow_instances i
  LEFT JOIN workflow_steps s ON s.account_id = i.account_id AND s.instance_id = i.id
 GROUP BY i.account_id, i.id, i.definition_id, i.status;
--> statement-breakpoint
GRANT SELECT ON workflow_instance_step_status TO markettina_app;
--> statement-breakpoint
-- Per hour (of completion) and definition: finished instances, outcomes, average and p95 duration,
-- success rate (completed / (completed + failed); cancellations are counted apart). Owned by the
-- migration owner, whose maintenance policy sees every tenant; refreshed hourly and on demand.
CREATE MATERIALIZED VIEW workflow_performance_hourly AS
SELECT i.account_id, i.definition_id, date_trunc('hour', i.completed_at) AS hour,
       count(*)::int AS finished,
       (count(*) FILTER (WHERE i.status = 'completed'))::int AS completed,
       (count(*) FILTER (WHERE i.status = 'failed'))::int AS failed,
       (count(*) FILTER (WHERE i.status = 'cancelled'))::int AS cancelled,
       round(avg(extract(epoch FROM i.completed_at - i.started_at) * 1000))::bigint AS avg_duration_ms,
       round(percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM i.completed_at - i.started_at) * 1000))::bigint AS p95_duration_ms,
       round((count(*) FILTER (WHERE i.status = 'completed'))::numeric
             / nullif(count(*) FILTER (WHERE i.status IN ('completed', 'failed')), 0), 4) AS success_rate
  FROM workflow_instances i
 WHERE i.completed_at IS NOT NULL AND i.started_at IS NOT NULL
 GROUP BY i.account_id, i.definition_id, date_trunc('hour', i.completed_at)
WITH DATA;
--> statement-breakpoint
-- Unique, so it can be refreshed CONCURRENTLY (readers are never blocked).
CREATE UNIQUE INDEX workflow_performance_hourly_key ON workflow_performance_hourly (account_id, definition_id, hour);
--> statement-breakpoint
REVOKE ALL ON workflow_performance_hourly FROM PUBLIC;
--> statement-breakpoint
-- What the application reads: the tenant's own rows only, through a SECURITY DEFINER function
-- (the materialized view has no row-level security, and a plain view would run with its owner's
-- rights). The filter is the caller's tenant settings, as in every policy.
CREATE FUNCTION app.workflow_performance()
RETURNS SETOF workflow_performance_hourly
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT * FROM workflow_performance_hourly
   WHERE account_id = ANY ((SELECT app.account_ids())::uuid[])
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.workflow_performance() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.workflow_performance() TO markettina_app;
--> statement-breakpoint
CREATE FUNCTION app.refresh_workflow_performance() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY workflow_performance_hourly;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.refresh_workflow_performance() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.refresh_workflow_performance() TO markettina_app;
--> statement-breakpoint
-- Schedules whose next run has come, every tenant (ids only); each is then run in its tenant's
-- scope, under a row lock, with an idempotency key per run time.
CREATE FUNCTION app.due_workflow_schedules(p_now timestamptz, p_limit integer)
RETURNS TABLE (account_id uuid, schedule_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.account_id, s.id FROM workflow_schedules s
   WHERE s.enabled AND s.next_run_at <= p_now
   ORDER BY s.next_run_at
   LIMIT p_limit
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.due_workflow_schedules(timestamptz, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.due_workflow_schedules(timestamptz, integer) TO markettina_app;
--> statement-breakpoint
-- The sweeper: running steps the engine should have heard from by now, every tenant. Executing
-- steps past started_at + timeout (default p_default_timeout) + grace: their worker died or hung;
-- waiting steps (a wait, an approval's timeout) whose time passed more than grace ago: their job
-- was lost. Ids and the attempt only.
CREATE FUNCTION app.overdue_workflow_steps(p_now timestamptz, p_default_timeout integer, p_grace integer, p_limit integer)
RETURNS TABLE (account_id uuid, instance_id uuid, step_row_id uuid, attempt integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.account_id, s.instance_id, s.id, s.attempts FROM workflow_steps s
   WHERE s.status = 'running'
     AND ((s.waiting_for IS NULL
           AND s.started_at < p_now - make_interval(secs => coalesce(s.timeout_seconds, p_default_timeout) + p_grace))
          OR (s.waiting_for IN ('time', 'approval')
              AND s.next_run_at < p_now - make_interval(secs => p_grace)))
   ORDER BY s.started_at
   LIMIT p_limit
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.overdue_workflow_steps(timestamptz, integer, integer, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.overdue_workflow_steps(timestamptz, integer, integer, integer) TO markettina_app;
--> statement-breakpoint
-- Retention: finished top-level instances that completed before p_before, oldest first, at most
-- p_limit per call (their steps, attempts, events, variables, snapshots, compensations and child
-- instances go with them). Answers how many were deleted; the caller repeats until 0.
CREATE FUNCTION app.purge_workflow_instances(p_before timestamptz, p_limit integer)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  purged integer;
BEGIN
  DELETE FROM workflow_instances
   WHERE id IN (SELECT i.id FROM workflow_instances i
                 WHERE i.status IN ('completed', 'failed', 'cancelled') AND i.completed_at < p_before
                   AND i.parent_instance_id IS NULL
                 ORDER BY i.completed_at
                 LIMIT p_limit);
  GET DIAGNOSTICS purged = ROW_COUNT;
  RETURN purged;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.purge_workflow_instances(timestamptz, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.purge_workflow_instances(timestamptz, integer) TO markettina_app;
