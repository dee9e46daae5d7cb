-- Billing: the ledger's invariants, enforced by the database rather than by discipline.
--
--   balance = Σ ledger     A wallet's balance changes only in app.apply_ledger_entry, the trigger
--                          that appends a ledger row; the application role may not UPDATE balance.
--   balance_after chain    The same trigger stamps each row with the next per-wallet seq and the
--                          balance after it, under the wallet's row lock.
--   balance ≥ 0, reserved ≤ balance
--                          CHECK constraints on token_wallets (and on balance_after).
--   append-only            No UPDATE/DELETE grant, and a trigger that refuses both for everyone.
--   one entry per key      UNIQUE (wallet_id, idempotency_key).

-- UUIDv7 for rows made inside the database (events from triggers); PostgreSQL ≥ 15 has no uuidv7().
CREATE FUNCTION app.uuidv7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
    substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
    FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;
--> statement-breakpoint
-- Appends a domain event from inside the database, with the request's correlation id and actor.
CREATE FUNCTION app.emit_event(p_account_id uuid, p_aggregate_type text, p_aggregate_id uuid,
                               p_event_type text, p_payload jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO domain_events (id, account_id, aggregate_type, aggregate_id, event_type, payload,
                             correlation_id, actor_user_id, actor_api_key_id)
  VALUES (app.uuidv7(), p_account_id, p_aggregate_type, p_aggregate_id, p_event_type, p_payload,
          nullif(current_setting('app.request_id', true), ''), app.user_id(),
          nullif(current_setting('app.api_key_id', true), '')::uuid)
$$;
--> statement-breakpoint
CREATE FUNCTION app.apply_ledger_entry() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  w token_wallets%ROWTYPE;
  was_low boolean;
  is_low boolean;
BEGIN
  -- The row lock serialises every change of this wallet: seq and balance_after follow from the
  -- previous row, whatever the concurrency.
  SELECT * INTO w FROM token_wallets WHERE id = NEW.wallet_id AND account_id = NEW.account_id FOR UPDATE;
  -- No such wallet in that account: leave the row as it is, and the composite foreign key (or,
  -- for an account outside the caller's scope, row-level security) rejects it.
  -- (seq 0 is never a real entry's, so no unique key reports the row before the foreign key does.)
  IF NOT FOUND THEN
    NEW.seq := 0;
    RETURN NEW;
  END IF;
  -- An entry whose idempotency key this wallet already has was applied before: skip it (the
  -- insert then returns no row). Checked here, under the wallet lock, because a BEFORE trigger
  -- runs ahead of ON CONFLICT: relying on the unique key alone would move the balance first.
  IF NEW.idempotency_key IS NOT NULL AND EXISTS (
       SELECT 1 FROM token_transactions t
        WHERE t.wallet_id = NEW.wallet_id AND t.idempotency_key = NEW.idempotency_key) THEN
    RETURN NULL;
  END IF;
  was_low := w.low_balance_since IS NOT NULL;
  is_low := w.low_balance_threshold IS NOT NULL AND w.balance + NEW.amount < w.low_balance_threshold;
  -- The CHECK constraints reject a balance below zero or below what is reserved.
  UPDATE token_wallets
     SET balance = balance + NEW.amount,
         last_seq = last_seq + 1,
         low_balance_since = CASE WHEN is_low THEN coalesce(low_balance_since, now()) END,
         updated_at = now()
   WHERE id = w.id
  RETURNING balance, last_seq INTO NEW.balance_after, NEW.seq;
  -- One event per crossing of the threshold, not one per debit.
  IF is_low AND NOT was_low THEN
    PERFORM app.emit_event(w.account_id, 'wallet', w.id, 'wallet.low_balance',
      jsonb_build_object('balance', NEW.balance_after, 'threshold', w.low_balance_threshold));
    IF w.auto_recharge_enabled THEN
      PERFORM app.emit_event(w.account_id, 'wallet', w.id, 'wallet.auto_recharge_requested',
        jsonb_build_object('balance', NEW.balance_after, 'threshold', w.low_balance_threshold,
                           'packageId', w.auto_recharge_package_id));
    END IF;
  ELSIF was_low AND NOT is_low THEN
    PERFORM app.emit_event(w.account_id, 'wallet', w.id, 'wallet.balance_restored',
      jsonb_build_object('balance', NEW.balance_after, 'threshold', w.low_balance_threshold));
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER token_transactions_apply BEFORE INSERT ON token_transactions
  FOR EACH ROW EXECUTE FUNCTION app.apply_ledger_entry();
--> statement-breakpoint
CREATE FUNCTION app.refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'token_transactions is append-only: correct an entry with a new one'
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER token_transactions_append_only BEFORE UPDATE OR DELETE ON token_transactions
  FOR EACH ROW EXECUTE FUNCTION app.refuse_ledger_change();
--> statement-breakpoint
-- Every account has its wallet from the moment it exists.
CREATE FUNCTION app.create_wallet() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO token_wallets (id, account_id) VALUES (app.uuidv7(), NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER accounts_create_wallet AFTER INSERT ON accounts
  FOR EACH ROW EXECUTE FUNCTION app.create_wallet();
--> statement-breakpoint
INSERT INTO token_wallets (id, account_id) SELECT app.uuidv7(), a.id FROM accounts a
  WHERE NOT EXISTS (SELECT 1 FROM token_wallets w WHERE w.account_id = a.id);
--> statement-breakpoint
INSERT INTO invoice_counters (name, last_number) VALUES ('invoice', 0);
--> statement-breakpoint
SELECT app.enable_tenant_rls(t) FROM unnest(ARRAY[
  'token_wallets', 'token_transactions', 'token_reservations', 'service_markups', 'invoices',
  'invoice_items', 'payments', 'promo_redemptions'
]::regclass[]) AS t;
--> statement-breakpoint
-- The price a (sub-)account pays for one unit of a service: the base price and its agency's
-- markup. SECURITY DEFINER because the markup row belongs to the agency, which a sub-account's
-- request cannot read; it answers only for an account inside the caller's scope.
CREATE FUNCTION app.service_price(p_account_id uuid, p_service_code text)
RETURNS TABLE (tokens_per_unit bigint, markup_bps integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p.tokens_per_unit,
         coalesce((SELECT m.markup_bps FROM service_markups m
                    WHERE m.sub_account_id = p_account_id
                      AND (m.service_code = p.service_code OR m.service_code IS NULL)
                    ORDER BY m.service_code NULLS LAST LIMIT 1), 0)
    FROM service_pricing p
   WHERE p.service_code = p_service_code AND p.active
     AND p_account_id = ANY ((SELECT app.account_ids())::uuid[])
$$;
--> statement-breakpoint
-- The whole price list as one account sees it (base price and its markup), in one call.
CREATE FUNCTION app.service_prices(p_account_id uuid)
RETURNS TABLE (service_code text, tokens_per_unit bigint, markup_bps integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p.service_code, p.tokens_per_unit,
         coalesce((SELECT m.markup_bps FROM service_markups m
                    WHERE m.sub_account_id = p_account_id
                      AND (m.service_code = p.service_code OR m.service_code IS NULL)
                    ORDER BY m.service_code NULLS LAST LIMIT 1), 0)
    FROM service_pricing p
   WHERE p_account_id = ANY ((SELECT app.account_ids())::uuid[])
$$;
--> statement-breakpoint
-- Rebilling: credits an agency with its markup on what its sub-account just spent, in the same
-- transaction as the debit. The agency's wallet is outside a sub-account request's scope, hence
-- SECURITY DEFINER; the idempotency key (one per reservation) makes a replay a no-op.
CREATE FUNCTION app.credit_agency_markup(p_sub_account_id uuid, p_amount bigint, p_service_code text,
                                         p_units bigint, p_reservation_id uuid)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  agency uuid;
  wallet uuid;
  entry uuid;
BEGIN
  IF NOT p_sub_account_id = ANY (app.account_ids()) THEN
    RAISE EXCEPTION 'account % is not in scope', p_sub_account_id USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT parent_account_id INTO agency FROM accounts WHERE id = p_sub_account_id;
  SELECT id INTO wallet FROM token_wallets WHERE account_id = agency;
  IF agency IS NULL OR wallet IS NULL OR p_amount <= 0 THEN RETURN NULL; END IF;
  INSERT INTO token_transactions (id, account_id, wallet_id, seq, type, amount, balance_after,
      service_code, units, description, reference_type, reference_id, counterparty_account_id,
      idempotency_key, request_id)
  VALUES (app.uuidv7(), agency, wallet, 0, 'markup', p_amount, 0, p_service_code, p_units,
      'Markup on a sub-account''s spend', 'reservation', p_reservation_id, p_sub_account_id,
      'markup:' || p_reservation_id, nullif(current_setting('app.request_id', true), ''))
  RETURNING id INTO entry;
  -- The ledger trigger skips a second credit for the same reservation: entry is then null.
  RETURN entry;
END
$$;
--> statement-breakpoint
-- Reservations whose work never reported back: release them so the tokens are available again.
-- A scheduled job across all tenants, hence SECURITY DEFINER.
CREATE FUNCTION app.release_expired_reservations(p_batch integer DEFAULT 1000) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n integer;
BEGIN
  WITH expired AS (
    UPDATE token_reservations r SET status = 'released', released_at = now()
     WHERE r.id IN (SELECT id FROM token_reservations
                     WHERE status = 'held' AND expires_at < now()
                     ORDER BY expires_at LIMIT p_batch FOR UPDATE SKIP LOCKED)
    RETURNING r.wallet_id, r.amount
  ), per_wallet AS (
    SELECT wallet_id, sum(amount) AS amount FROM expired GROUP BY wallet_id
  )
  UPDATE token_wallets w SET reserved = w.reserved - p.amount, updated_at = now()
    FROM per_wallet p WHERE w.id = p.wallet_id;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
--> statement-breakpoint
-- Platform admins work across tenants on a few billing objects (manual payments). The database,
-- not the application, checks that the caller is one: is_platform_admin cannot be set by the
-- application role (column grants on users).
CREATE FUNCTION app.is_platform_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce((SELECT is_platform_admin FROM users WHERE id = app.user_id()), false)
$$;
--> statement-breakpoint
CREATE FUNCTION app.find_payment_for_admin(p_payment_id uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT account_id FROM payments WHERE id = p_payment_id AND app.is_platform_admin()
$$;
--> statement-breakpoint
CREATE FUNCTION app.pending_manual_payments()
RETURNS TABLE (payment_id uuid, account_id uuid, account_name text, invoice_number bigint,
               amount_minor integer, currency text, created_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p.id, p.account_id, a.name, i.number, p.amount_minor, p.currency, p.created_at
    FROM payments p
    JOIN accounts a ON a.id = p.account_id
    JOIN invoices i ON i.account_id = p.account_id AND i.id = p.invoice_id
   WHERE p.provider = 'manual' AND p.status = 'pending' AND app.is_platform_admin()
   ORDER BY p.created_at
$$;
--> statement-breakpoint
-- The Stripe webhook arrives without a tenant: it finds the account of the checkout it confirms.
CREATE FUNCTION app.find_checkout_account(p_session_id text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT account_id FROM payments WHERE checkout_session_id = p_session_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.uuidv7(), app.emit_event(uuid, text, uuid, text, jsonb),
  app.apply_ledger_entry(), app.refuse_ledger_change(), app.create_wallet(),
  app.service_price(uuid, text), app.service_prices(uuid), app.credit_agency_markup(uuid, bigint, text, bigint, uuid),
  app.release_expired_reservations(integer), app.is_platform_admin(),
  app.find_payment_for_admin(uuid), app.pending_manual_payments(), app.find_checkout_account(text)
  FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.uuidv7(), app.service_price(uuid, text), app.service_prices(uuid),
  app.credit_agency_markup(uuid, bigint, text, bigint, uuid), app.release_expired_reservations(integer),
  app.is_platform_admin(), app.find_payment_for_admin(uuid), app.pending_manual_payments(),
  app.find_checkout_account(text) TO markettina_app;
--> statement-breakpoint
-- Grants. The ledger is append-only for the application; a wallet's balance and sequence are the
-- trigger's alone; catalogs are written only through platform-admin operations.
GRANT SELECT, INSERT ON token_transactions, invoice_items, stripe_events TO markettina_app;
--> statement-breakpoint
GRANT SELECT ON token_wallets TO markettina_app;
--> statement-breakpoint
GRANT UPDATE (reserved, currency, low_balance_threshold, auto_recharge_enabled,
  auto_recharge_package_id, version, updated_at) ON token_wallets TO markettina_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON token_reservations, invoices, payments, token_packages,
  service_pricing, promo_codes, invoice_counters TO markettina_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON service_markups, promo_redemptions TO markettina_app;
