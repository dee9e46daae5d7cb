-- The journey and message dispatchers TAKE their due work instead of only reading it: each row
-- handed out is stamped dispatched_at = p_now in the same statement (and, in the dispatcher, in the
-- same transaction as the pg-boss jobs that name it), so the next poll does not hand it out again
-- while its job is on its way. A job carries many rows, so rows rather than pg-boss singleton keys
-- keep a step from being sent twice. A stamp older than p_lease_seconds is a job lost for good
-- (failed after its retries): the row is due again. Rows being worked right now are locked by
-- their job and skipped (SKIP LOCKED); the quals are repeated on the locking scan so that a row a
-- step moved on in the meantime is re-checked, not taken. p_account_id narrows it to one tenant
-- (the tests' drivers). Only ids leave these functions.
DROP FUNCTION app.due_journey_executions(timestamptz, integer);
--> statement-breakpoint
DROP FUNCTION app.due_messages(timestamptz, integer, integer);
--> statement-breakpoint
CREATE FUNCTION app.take_due_journey_executions(
  p_now timestamptz, p_limit integer, p_lease_seconds integer, p_account_id uuid DEFAULT NULL)
RETURNS TABLE (account_id uuid, execution_id uuid, step_seq integer)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH candidates AS (
    -- Due, no job on its way (journey_executions_due_idx), executions of active journeys only:
    -- paused ones are held where they are.
    (SELECT e.id FROM journey_executions e
       JOIN journeys j ON j.account_id = e.account_id AND j.id = e.journey_id
      WHERE e.status IN ('active', 'waiting') AND e.dispatched_at IS NULL AND e.next_run_at <= p_now
        AND j.status = 'active' AND j.deleted_at IS NULL
        AND (p_account_id IS NULL OR e.account_id = p_account_id)
      ORDER BY e.next_run_at
      LIMIT p_limit)
    UNION
    -- A job sent longer ago than the lease (journey_executions_dispatched_idx).
    (SELECT e.id FROM journey_executions e
       JOIN journeys j ON j.account_id = e.account_id AND j.id = e.journey_id
      WHERE e.status IN ('active', 'waiting') AND e.dispatched_at < p_now - make_interval(secs => p_lease_seconds)
        AND e.next_run_at <= p_now AND j.status = 'active' AND j.deleted_at IS NULL
        AND (p_account_id IS NULL OR e.account_id = p_account_id)
      ORDER BY e.dispatched_at
      LIMIT p_limit)
  ), taken AS (
    SELECT e.id FROM journey_executions e
     WHERE e.id IN (SELECT id FROM candidates)
       AND e.status IN ('active', 'waiting') AND e.next_run_at <= p_now
       AND (e.dispatched_at IS NULL OR e.dispatched_at < p_now - make_interval(secs => p_lease_seconds))
     ORDER BY e.next_run_at, e.id
     LIMIT p_limit
       FOR UPDATE SKIP LOCKED
  )
  UPDATE journey_executions e SET dispatched_at = p_now
    FROM taken WHERE e.id = taken.id
  RETURNING e.account_id, e.id, e.step_seq
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.take_due_journey_executions(timestamptz, integer, integer, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.take_due_journey_executions(timestamptz, integer, integer, uuid) TO markettina_app;
--> statement-breakpoint
-- Messages: queued and past their time (or backoff) with no job on its way, queued with a lost
-- job, and claimed by a sender longer ago than the claim lease (it died mid-send).
CREATE FUNCTION app.take_due_messages(
  p_now timestamptz, p_limit integer, p_claim_lease_seconds integer, p_lease_seconds integer,
  p_account_id uuid DEFAULT NULL)
RETURNS TABLE (account_id uuid, message_id uuid)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH candidates AS (
    (SELECT m.id FROM message_queue m
      WHERE m.status = 'queued' AND m.dispatched_at IS NULL AND m.scheduled_at <= p_now
        AND (p_account_id IS NULL OR m.account_id = p_account_id)
      ORDER BY m.priority DESC NULLS LAST, m.scheduled_at
      LIMIT p_limit)
    UNION
    (SELECT m.id FROM message_queue m
      WHERE m.status = 'queued' AND m.dispatched_at < p_now - make_interval(secs => p_lease_seconds)
        AND m.scheduled_at <= p_now AND (p_account_id IS NULL OR m.account_id = p_account_id)
      ORDER BY m.dispatched_at
      LIMIT p_limit)
    UNION
    (SELECT m.id FROM message_queue m
      WHERE m.status = 'sending' AND m.claimed_at < p_now - make_interval(secs => p_claim_lease_seconds)
        AND (m.dispatched_at IS NULL OR m.dispatched_at < p_now - make_interval(secs => p_lease_seconds))
        AND (p_account_id IS NULL OR m.account_id = p_account_id)
      ORDER BY m.claimed_at
      LIMIT p_limit)
  ), taken AS (
    SELECT m.id FROM message_queue m
     WHERE m.id IN (SELECT id FROM candidates)
       AND ((m.status = 'queued' AND m.scheduled_at <= p_now)
            OR (m.status = 'sending' AND m.claimed_at < p_now - make_interval(secs => p_claim_lease_seconds)))
       AND (m.dispatched_at IS NULL OR m.dispatched_at < p_now - make_interval(secs => p_lease_seconds))
     ORDER BY m.priority DESC, m.scheduled_at, m.id
     LIMIT p_limit
       FOR UPDATE SKIP LOCKED
  )
  UPDATE message_queue m SET dispatched_at = p_now
    FROM taken WHERE m.id = taken.id
  RETURNING m.account_id, m.id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.take_due_messages(timestamptz, integer, integer, integer, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.take_due_messages(timestamptz, integer, integer, integer, uuid) TO markettina_app;
