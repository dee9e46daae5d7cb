-- Bonus tokens expire; spending draws down the soonest-to-expire tokens first (then the oldest).
-- token_lots holds what is left of each credit; this trigger keeps it, after each ledger insert,
-- under the wallet lock that app.apply_ledger_entry took. Invariant: Σ remaining = balance.
SELECT app.enable_tenant_rls('token_lots');
--> statement-breakpoint
GRANT SELECT ON token_lots TO markettina_app;
--> statement-breakpoint
-- Wallets with history from before lots existed start with one lot holding their balance.
INSERT INTO token_lots (id, account_id, wallet_id, entry_id, amount, remaining)
SELECT app.uuidv7(), w.account_id, w.id,
       (SELECT t.id FROM token_transactions t WHERE t.wallet_id = w.id ORDER BY t.seq DESC LIMIT 1),
       w.balance, w.balance
  FROM token_wallets w WHERE w.balance > 0;
--> statement-breakpoint
CREATE FUNCTION app.track_lots() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  need bigint := -NEW.amount;
  take bigint;
  lot record;
BEGIN
  IF NEW.amount > 0 THEN
    INSERT INTO token_lots (id, account_id, wallet_id, entry_id, amount, remaining, expires_at, created_at)
    VALUES (app.uuidv7(), NEW.account_id, NEW.wallet_id, NEW.id, NEW.amount, NEW.amount, NEW.expires_at,
            NEW.created_at);
  ELSIF NEW.type = 'expiry' THEN
    -- An expiry entry closes (part of) the lot it names.
    UPDATE token_lots SET remaining = remaining + NEW.amount
     WHERE id = NEW.reference_id AND wallet_id = NEW.wallet_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'expiry entry % names no lot of its wallet', NEW.id;
    END IF;
  ELSE
    -- Spending takes the tokens that expire soonest, then the oldest. A transfer to a sub-account
    -- takes non-expiring tokens first, so bonus tokens do not leave the wallet to escape expiry.
    FOR lot IN
      SELECT l.id, l.remaining FROM token_lots l
       WHERE l.wallet_id = NEW.wallet_id AND l.remaining > 0
       ORDER BY CASE WHEN NEW.type = 'transfer_out' THEN l.expires_at IS NOT NULL ELSE false END,
                l.expires_at NULLS LAST, l.created_at, l.id
    LOOP
      take := least(need, lot.remaining);
      UPDATE token_lots SET remaining = remaining - take WHERE id = lot.id;
      need := need - take;
      EXIT WHEN need = 0;
    END LOOP;
    IF need > 0 THEN
      RAISE EXCEPTION 'the lots of wallet % do not cover entry %', NEW.wallet_id, NEW.id;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER token_transactions_track_lots AFTER INSERT ON token_transactions
  FOR EACH ROW EXECUTE FUNCTION app.track_lots();
--> statement-breakpoint
-- Scheduled: what is left of expired lots leaves the wallet as `expiry` entries. Tokens held by a
-- reservation are not taken (reserved ≤ balance must hold): that part expires on a later run if
-- the reservation is released, or is spent if it is settled. Across tenants, hence SECURITY DEFINER.
CREATE FUNCTION app.expire_tokens(p_batch integer DEFAULT 500) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  lot record;
  w record;
  left_over bigint;
  amount bigint;
  n integer := 0;
BEGIN
  FOR lot IN
    SELECT l.id, l.account_id, l.wallet_id FROM token_lots l
     WHERE l.remaining > 0 AND l.expires_at IS NOT NULL AND l.expires_at <= now()
     ORDER BY l.expires_at LIMIT p_batch
  LOOP
    SELECT balance, reserved INTO w FROM token_wallets WHERE id = lot.wallet_id FOR UPDATE;
    SELECT remaining INTO left_over FROM token_lots WHERE id = lot.id;
    amount := least(left_over, w.balance - w.reserved);
    IF amount > 0 THEN
      INSERT INTO token_transactions (id, account_id, wallet_id, seq, type, amount, balance_after,
          description, reference_type, reference_id, idempotency_key)
      VALUES (app.uuidv7(), lot.account_id, lot.wallet_id, 0, 'expiry', -amount, 0,
          'Bonus tokens expired', 'token_lot', lot.id, 'expiry:' || lot.id || ':' || left_over);
      n := n + 1;
    END IF;
  END LOOP;
  RETURN n;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.track_lots(), app.expire_tokens(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.expire_tokens(integer) TO markettina_app;
