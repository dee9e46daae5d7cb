-- domain_events: append-only, partitioned by month on created_at (drizzle-kit cannot express
-- partitioning, so this table lives here rather than in the generated migrations).
CREATE TABLE domain_events (
  id uuid NOT NULL,
  account_id uuid NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id uuid NOT NULL,
  event_type text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  version bigint NOT NULL DEFAULT 1,
  correlation_id text,
  actor_user_id uuid,
  actor_api_key_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
--> statement-breakpoint
CREATE INDEX domain_events_account_aggregate_idx ON domain_events (account_id, aggregate_type, aggregate_id, created_at);
--> statement-breakpoint
CREATE INDEX domain_events_account_created_idx ON domain_events (account_id, created_at);
--> statement-breakpoint
-- Safety net: an event whose month has no partition yet still lands somewhere.
CREATE TABLE domain_events_default PARTITION OF domain_events DEFAULT;
--> statement-breakpoint
SELECT app.enable_tenant_rls('domain_events');
--> statement-breakpoint
-- Partitions are reached only through the parent (whose policies apply); each partition also gets
-- the tenant policy so that a direct query of a partition can never leak rows.
SELECT app.enable_tenant_rls('domain_events_default');
--> statement-breakpoint
GRANT SELECT, INSERT ON domain_events TO markettina_app;
--> statement-breakpoint
-- Keeps a partition for the current month and the next p_months months. Runs as the owner
-- (SECURITY DEFINER) because the worker's role may not create tables.
CREATE FUNCTION app.ensure_monthly_partitions(p_table regclass, p_months integer DEFAULT 3)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  month_start date;
  part_name text;
  created integer := 0;
BEGIN
  FOR i IN 0..p_months LOOP
    month_start := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => i))::date;
    part_name := format('%s_%s', p_table::text, to_char(month_start, 'YYYY_MM'));
    IF to_regclass(part_name) IS NULL THEN
      EXECUTE format(
        'CREATE TABLE %I PARTITION OF %s FOR VALUES FROM (%L) TO (%L)',
        part_name, p_table, month_start::timestamp AT TIME ZONE 'UTC',
        (month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC');
      PERFORM app.enable_tenant_rls(part_name::regclass);
      created := created + 1;
    END IF;
  END LOOP;
  RETURN created;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.ensure_monthly_partitions(regclass, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.ensure_monthly_partitions(regclass, integer) TO markettina_app;
--> statement-breakpoint
SELECT app.ensure_monthly_partitions('domain_events', 3);
