-- Auto-recharge: the job that turns "the balance fell below the threshold" into a purchase of the
-- chosen package. Wallets are found across tenants (SECURITY DEFINER); the purchase itself is
-- made in each tenant's own scope. One purchase per fall below the threshold:
-- auto_recharge_requested_at is set when it is issued and compared with low_balance_since.
GRANT UPDATE (auto_recharge_requested_at) ON token_wallets TO markettina_app;
--> statement-breakpoint
CREATE FUNCTION app.wallets_due_for_recharge(p_batch integer DEFAULT 100)
RETURNS TABLE (account_id uuid, package_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT w.account_id, w.auto_recharge_package_id FROM token_wallets w
   WHERE w.auto_recharge_enabled AND w.low_balance_since IS NOT NULL
     AND (w.auto_recharge_requested_at IS NULL OR w.auto_recharge_requested_at < w.low_balance_since)
   ORDER BY w.low_balance_since LIMIT p_batch
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.wallets_due_for_recharge(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.wallets_due_for_recharge(integer) TO markettina_app;
