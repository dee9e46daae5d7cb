-- The hot path of every metered service, as two functions: one statement per call, plans cached
-- per connection, audit entry and domain event written in the same call. They run with the
-- caller's rights (not SECURITY DEFINER): row-level security applies to every row they touch,
-- exactly as to the application's own statements.

-- The audit entry and domain event every mutation leaves, for changes made inside the database.
-- The actor and request come from the transaction's tenant settings.
CREATE FUNCTION app.record_change(p_account_id uuid, p_action text, p_entity_type text, p_entity_id uuid,
                                  p_payload jsonb, p_ip text, p_user_agent text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  request text := nullif(current_setting('app.request_id', true), '');
  api_key uuid := nullif(current_setting('app.api_key_id', true), '')::uuid;
  actor uuid := app.user_id();
BEGIN
  INSERT INTO audit_logs (id, account_id, actor_user_id, actor_api_key_id, action, entity_type,
                          entity_id, after, ip, user_agent, request_id)
  VALUES (app.uuidv7(), p_account_id, actor, api_key, p_action, p_entity_type, p_entity_id, p_payload,
          p_ip, p_user_agent, request);
  INSERT INTO domain_events (id, account_id, aggregate_type, aggregate_id, event_type, payload,
                             correlation_id, actor_user_id, actor_api_key_id)
  VALUES (app.uuidv7(), p_account_id, p_entity_type, p_entity_id, p_action, p_payload, request, actor,
          api_key);
END
$$;
--> statement-breakpoint
CREATE INDEX token_reservations_account_idempotency_idx ON token_reservations (account_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
--> statement-breakpoint
-- Holds what `units` of a service cost this account (base price + its agency's markup) if the
-- available balance covers it. The conditional UPDATE is the guard: N parallel calls against a
-- balance that covers K succeed exactly K times. Answers {outcome: reserved | replayed |
-- key_reused | unknown_service | insufficient, reservation…}; writes nothing unless reserved.
CREATE FUNCTION app.reserve_tokens(p_account_id uuid, p_service_code text, p_units bigint,
                                   p_reference text, p_idempotency_key text, p_ttl_seconds integer,
                                   p_ip text, p_user_agent text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  r token_reservations%ROWTYPE;
  price record;
  base bigint;
  cost bigint;
  wallet uuid;
BEGIN
  IF p_idempotency_key IS NOT NULL THEN
    SELECT * INTO r FROM token_reservations t
     WHERE t.account_id = p_account_id AND t.idempotency_key = p_idempotency_key;
    IF FOUND THEN
      IF r.service_code <> p_service_code OR r.units <> p_units THEN
        RETURN jsonb_build_object('outcome', 'key_reused');
      END IF;
      RETURN jsonb_build_object('outcome', 'replayed', 'reservation', to_jsonb(r));
    END IF;
  END IF;
  SELECT * INTO price FROM app.service_price(p_account_id, p_service_code);
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'unknown_service');
  END IF;
  base := p_units * price.tokens_per_unit;
  cost := base + (base * price.markup_bps + 9999) / 10000;
  UPDATE token_wallets w SET reserved = w.reserved + cost, updated_at = now()
   WHERE w.account_id = p_account_id AND w.balance - w.reserved >= cost
  RETURNING w.id INTO wallet;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'insufficient', 'amount', cost);
  END IF;
  INSERT INTO token_reservations (id, account_id, wallet_id, service_code, units, base_tokens_per_unit,
                                  markup_bps, amount, reference, idempotency_key, expires_at, created_by)
  VALUES (app.uuidv7(), p_account_id, wallet, p_service_code, p_units, price.tokens_per_unit,
          price.markup_bps, cost, p_reference, p_idempotency_key,
          now() + make_interval(secs => p_ttl_seconds), app.user_id())
  RETURNING * INTO r;
  PERFORM app.record_change(p_account_id, 'tokens.reserved', 'token_reservation', r.id,
    jsonb_build_object('serviceCode', p_service_code, 'units', p_units, 'amount', cost), p_ip, p_user_agent);
  RETURN jsonb_build_object('outcome', 'reserved', 'reservation', to_jsonb(r));
END
$$;
--> statement-breakpoint
-- Charges the units actually used (≤ reserved) at the reservation's price and releases the hold,
-- in one call: closing the reservation (`status = 'held'` under its row lock makes a second
-- settle find nothing), releasing the hold, appending the debit (the ledger trigger moves the
-- balance), crediting the agency its markup (rebilling). Answers {outcome: settled | replayed |
-- not_found | closed | too_many_units, …}.
CREATE FUNCTION app.settle_reservation(p_account_id uuid, p_reservation_id uuid, p_units bigint,
                                       p_ip text, p_user_agent text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  r token_reservations%ROWTYPE;
  entry uuid;
BEGIN
  UPDATE token_reservations t
     SET status = 'settled', settled_units = p_units,
         markup_amount = (p_units * t.base_tokens_per_unit * t.markup_bps + 9999) / 10000,
         settled_amount = p_units * t.base_tokens_per_unit
                          + (p_units * t.base_tokens_per_unit * t.markup_bps + 9999) / 10000,
         settled_at = now()
   WHERE t.account_id = p_account_id AND t.id = p_reservation_id AND t.status = 'held'
     AND t.units >= p_units
  RETURNING * INTO r;
  IF NOT FOUND THEN
    SELECT * INTO r FROM token_reservations t WHERE t.account_id = p_account_id AND t.id = p_reservation_id;
    IF NOT FOUND THEN
      RETURN jsonb_build_object('outcome', 'not_found');
    ELSIF r.status = 'settled' AND r.settled_units = p_units THEN
      -- A replay answers as the first settlement did.
      RETURN jsonb_build_object('outcome', 'replayed', 'reservationId', r.id,
        'settledAmount', r.settled_amount, 'markupAmount', r.markup_amount,
        'entryId', (SELECT t.id FROM token_transactions t
                     WHERE t.wallet_id = r.wallet_id AND t.idempotency_key = 'settle:' || r.id));
    ELSIF r.status <> 'held' THEN
      RETURN jsonb_build_object('outcome', 'closed', 'status', r.status);
    END IF;
    RETURN jsonb_build_object('outcome', 'too_many_units', 'units', r.units);
  END IF;
  UPDATE token_wallets w SET reserved = w.reserved - r.amount, updated_at = now() WHERE w.id = r.wallet_id;
  IF r.settled_amount > 0 THEN
    INSERT INTO token_transactions (id, account_id, wallet_id, seq, type, amount, balance_after,
        service_code, units, description, reference_type, reference_id, idempotency_key,
        actor_user_id, actor_api_key_id, request_id)
    VALUES (app.uuidv7(), r.account_id, r.wallet_id, 0, 'debit', -r.settled_amount, 0, r.service_code,
        p_units,
        CASE WHEN r.markup_amount > 0 THEN r.service_code || ' (incl. ' || r.markup_amount || ' markup)'
             ELSE r.service_code END,
        'reservation', r.id, 'settle:' || r.id, app.user_id(),
        nullif(current_setting('app.api_key_id', true), '')::uuid,
        nullif(current_setting('app.request_id', true), ''))
    RETURNING id INTO entry;
    IF r.markup_amount > 0 THEN
      PERFORM app.credit_agency_markup(p_account_id, r.markup_amount, r.service_code, p_units, r.id);
    END IF;
  END IF;
  PERFORM app.record_change(p_account_id, 'tokens.settled', 'token_reservation', r.id,
    jsonb_build_object('serviceCode', r.service_code, 'units', p_units, 'amount', r.settled_amount,
                       'markup', r.markup_amount), p_ip, p_user_agent);
  RETURN jsonb_build_object('outcome', 'settled', 'reservationId', r.id, 'settledAmount', r.settled_amount,
    'markupAmount', r.markup_amount, 'entryId', entry);
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.record_change(uuid, text, text, uuid, jsonb, text, text),
  app.reserve_tokens(uuid, text, bigint, text, text, integer, text, text),
  app.settle_reservation(uuid, uuid, bigint, text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.record_change(uuid, text, text, uuid, jsonb, text, text),
  app.reserve_tokens(uuid, text, bigint, text, text, integer, text, text),
  app.settle_reservation(uuid, uuid, bigint, text, text) TO markettina_app;
