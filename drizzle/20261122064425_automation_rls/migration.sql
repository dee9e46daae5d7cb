-- Marketing automation: tenant rows under row-level security, marketing_events partitioned by
-- month, and the cross-tenant "what is due" functions the worker's dispatchers poll.
CREATE TABLE marketing_events (
  id uuid NOT NULL,
  account_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  type text NOT NULL,
  campaign_id uuid,
  journey_id uuid,
  client_event_id text,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  occurred_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, occurred_at),
  -- Composite, so an event can never name another tenant's contact.
  CONSTRAINT marketing_events_contact_fk FOREIGN KEY (account_id, contact_id)
    REFERENCES contacts (account_id, id) ON DELETE CASCADE
) PARTITION BY RANGE (occurred_at);
--> statement-breakpoint
-- Segment conditions ask "did this contact do X within a window": contact, type, time.
CREATE INDEX marketing_events_contact_type_idx ON marketing_events (account_id, contact_id, type, occurred_at);
--> statement-breakpoint
CREATE INDEX marketing_events_type_idx ON marketing_events (account_id, type, occurred_at);
--> statement-breakpoint
CREATE TABLE marketing_events_default PARTITION OF marketing_events DEFAULT;
--> statement-breakpoint
SELECT app.enable_tenant_rls('marketing_events');
--> statement-breakpoint
SELECT app.enable_tenant_rls('marketing_events_default');
--> statement-breakpoint
SELECT app.ensure_monthly_partitions('marketing_events', 3);
--> statement-breakpoint
-- Events arrive with any past occurred_at (imports, late mobile events): keep the last year's
-- months too, so back-filled events land in a real partition rather than the default one.
DO $$
DECLARE
  month_start date;
  part_name text;
BEGIN
  FOR i IN 1..12 LOOP
    month_start := (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => i))::date;
    part_name := format('marketing_events_%s', to_char(month_start, 'YYYY_MM'));
    IF to_regclass(part_name) IS NULL THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF marketing_events FOR VALUES FROM (%L) TO (%L)',
        part_name, month_start::timestamp AT TIME ZONE 'UTC',
        (month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC');
      PERFORM app.enable_tenant_rls(part_name::regclass);
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
GRANT SELECT, INSERT ON marketing_events TO markettina_app;
--> statement-breakpoint
SELECT app.enable_tenant_rls('contacts');
--> statement-breakpoint
SELECT app.enable_tenant_rls('consent_records');
--> statement-breakpoint
SELECT app.enable_tenant_rls('consent_history');
--> statement-breakpoint
SELECT app.enable_tenant_rls('marketing_segments');
--> statement-breakpoint
SELECT app.enable_tenant_rls('segment_memberships');
--> statement-breakpoint
SELECT app.enable_tenant_rls('marketing_event_keys');
--> statement-breakpoint
SELECT app.enable_tenant_rls('journeys');
--> statement-breakpoint
SELECT app.enable_tenant_rls('journey_versions');
--> statement-breakpoint
SELECT app.enable_tenant_rls('journey_executions');
--> statement-breakpoint
SELECT app.enable_tenant_rls('journey_steps');
--> statement-breakpoint
SELECT app.enable_tenant_rls('journey_node_stats');
--> statement-breakpoint
SELECT app.enable_tenant_rls('message_queue');
--> statement-breakpoint
SELECT app.enable_tenant_rls('delivery_logs');
--> statement-breakpoint
-- History, published versions, event keys and delivery logs are append-only for the application.
GRANT SELECT, INSERT ON consent_history, journey_versions, marketing_event_keys, delivery_logs TO markettina_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON contacts, consent_records, marketing_segments, journeys, journey_executions, journey_steps, journey_node_stats, message_queue TO markettina_app;
--> statement-breakpoint
-- Memberships end (exited_at) and static segments drop members; hard purge of contacts cascades.
GRANT SELECT, INSERT, UPDATE, DELETE ON segment_memberships TO markettina_app;
--> statement-breakpoint
-- The journey dispatcher finds executions whose next step is due across every tenant, then runs
-- each inside its tenant's scope. Only ids leave this function. Executions of paused or archived
-- journeys are held where they are (resuming makes them due again).
CREATE FUNCTION app.due_journey_executions(p_now timestamptz, p_limit integer DEFAULT 500)
RETURNS TABLE (account_id uuid, execution_id uuid, step_seq integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT e.account_id, e.id, e.step_seq FROM journey_executions e
    JOIN journeys j ON j.account_id = e.account_id AND j.id = e.journey_id
   WHERE e.status IN ('active', 'waiting') AND e.next_run_at <= p_now
     AND j.status = 'active' AND j.deleted_at IS NULL
   ORDER BY e.next_run_at
   LIMIT p_limit
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.due_journey_executions(timestamptz, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.due_journey_executions(timestamptz, integer) TO markettina_app;
--> statement-breakpoint
-- The message sender: queued messages that are due, and messages whose sender claimed them longer
-- ago than the lease (it died mid-send) — those are due again.
CREATE FUNCTION app.due_messages(p_now timestamptz, p_limit integer DEFAULT 500, p_lease_seconds integer DEFAULT 120)
RETURNS TABLE (account_id uuid, message_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT m.account_id, m.id FROM message_queue m
   WHERE (m.status = 'queued' AND m.scheduled_at <= p_now)
      OR (m.status = 'sending' AND m.claimed_at < p_now - make_interval(secs => p_lease_seconds))
   ORDER BY m.priority DESC, m.scheduled_at
   LIMIT p_limit
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.due_messages(timestamptz, integer, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.due_messages(timestamptz, integer, integer) TO markettina_app;
--> statement-breakpoint
-- Dynamic segments of every tenant, for the periodic full refresh (ids only).
CREATE FUNCTION app.dynamic_segments()
RETURNS TABLE (account_id uuid, segment_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT s.account_id, s.id FROM marketing_segments s
   WHERE s.kind = 'dynamic' AND s.deleted_at IS NULL
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.dynamic_segments() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.dynamic_segments() TO markettina_app;
