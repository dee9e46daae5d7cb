-- Tenancy: row-level security on every tenant table, enabled and FORCED.
--
-- The API and worker connect as markettina_app (NOSUPERUSER, NOBYPASSRLS; created by the migrate
-- command before migrations run). Each request runs in one transaction that first sets, with
-- set_config(..., true) so they vanish at commit:
--   app.account_id   the current account
--   app.account_ids  '{…}' the accounts whose rows this request may touch: the current account,
--                    plus its sub-accounts for agency owners/admins acting in the agency
--   app.user_id      the user behind the request (empty for API keys)
--   app.api_key_id   the API key behind the request (empty for console users)
-- A connection that set nothing sees nothing: the helpers below return an empty array / NULL.
--
-- The migration owner gets an explicit "maintenance" policy: FORCE makes the owner subject to RLS
-- too, and the few cross-tenant operations (pre-authentication look-ups, purges, partition upkeep)
-- run as SECURITY DEFINER functions owned by it.

CREATE SCHEMA IF NOT EXISTS app;
--> statement-breakpoint
GRANT USAGE ON SCHEMA app TO markettina_app;
--> statement-breakpoint
CREATE FUNCTION app.account_ids() RETURNS uuid[] LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(nullif(current_setting('app.account_ids', true), ''), '{}')::uuid[]
$$;
--> statement-breakpoint
CREATE FUNCTION app.user_id() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('app.user_id', true), '')::uuid
$$;
--> statement-breakpoint
-- Applies the standard tenant policy to a table with an account_id column. Every context's
-- migration calls this for each new tenant table; the RLS test finds any table it missed.
CREATE FUNCTION app.enable_tenant_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
  -- (SELECT …) makes the planner evaluate the settings once per statement, not once per row.
  EXECUTE format(
    'CREATE POLICY tenant_isolation ON %s TO markettina_app
       USING (account_id = ANY ((SELECT app.account_ids())::uuid[]))
       WITH CHECK (account_id = ANY ((SELECT app.account_ids())::uuid[]))', tbl);
  EXECUTE format('CREATE POLICY maintenance ON %s TO %I USING (true) WITH CHECK (true)', tbl, current_user);
END
$$;
--> statement-breakpoint
SELECT app.enable_tenant_rls(t) FROM unnest(ARRAY[
  'memberships', 'invitations', 'api_keys', 'audit_logs', 'idempotency_keys',
  'account_feature_flags', 'api_rate_limits'
]::regclass[]) AS t;
--> statement-breakpoint
-- A user always knows their own memberships, in any account: that is how the console finds the
-- accounts to offer in the switcher before a current account is chosen.
CREATE POLICY own_memberships ON memberships FOR SELECT TO markettina_app
  USING (user_id = (SELECT app.user_id()));
--> statement-breakpoint
-- accounts: the tenant root, keyed by id rather than account_id.
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON accounts TO markettina_app
  USING (id = ANY ((SELECT app.account_ids())::uuid[]))
  WITH CHECK (id = ANY ((SELECT app.account_ids())::uuid[]));
--> statement-breakpoint
-- The accounts a user may act in are visible to them (name, slug) for the switcher: those they are
-- a member of, and the sub-accounts of agencies where they are owner or admin.
CREATE POLICY reachable_accounts ON accounts FOR SELECT TO markettina_app
  USING (EXISTS (
    SELECT 1 FROM memberships m
     WHERE m.user_id = (SELECT app.user_id())
       AND (m.account_id = accounts.id
            OR (m.account_id = accounts.parent_account_id AND m.role IN ('owner', 'admin')))));
--> statement-breakpoint
CREATE POLICY maintenance ON accounts TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- users are installation-wide identities, not tenant rows; still, a request sees only itself and
-- the members of the accounts in its scope (memberships is itself filtered by RLS).
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY visible_users ON users FOR SELECT TO markettina_app
  USING (id = (SELECT app.user_id())
         OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id));
--> statement-breakpoint
CREATE POLICY self_update ON users FOR UPDATE TO markettina_app
  USING (id = (SELECT app.user_id())) WITH CHECK (id = (SELECT app.user_id()));
--> statement-breakpoint
-- Sign-up through an invitation creates the user before any tenant scope exists.
CREATE POLICY sign_up ON users FOR INSERT TO markettina_app WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY maintenance ON users TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Pre-authentication look-ups. They run before any tenant scope exists, so they are SECURITY
-- DEFINER functions that return only the row matching a secret the caller already holds.
CREATE FUNCTION app.find_api_key(p_secret_hash text)
RETURNS TABLE (id uuid, account_id uuid, scopes text[], expires_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT k.id, k.account_id, k.scopes, k.expires_at, k.revoked_at
    FROM api_keys k WHERE k.secret_hash = p_secret_hash
$$;
--> statement-breakpoint
CREATE FUNCTION app.find_login_user(p_email text)
RETURNS TABLE (id uuid, email text, name text, password_hash text, failed_login_count integer,
               locked_until timestamptz, is_platform_admin boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT u.id, u.email, u.name, u.password_hash, u.failed_login_count, u.locked_until,
         u.is_platform_admin
    FROM users u WHERE lower(u.email) = lower(p_email)
$$;
--> statement-breakpoint
CREATE FUNCTION app.find_invitation(p_token_hash text)
RETURNS TABLE (id uuid, account_id uuid, email text, role membership_role, status invitation_status,
               expires_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.id, i.account_id, i.email, i.role, i.status, i.expires_at
    FROM invitations i WHERE i.token_hash = p_token_hash
$$;
--> statement-breakpoint
-- Whether an e-mail address is taken, without revealing whose it is (sign-up, invitations).
CREATE FUNCTION app.email_taken(p_email text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(p_email))
$$;
--> statement-breakpoint
-- Whether a slug is taken by any account (slugs are unique installation-wide).
CREATE FUNCTION app.slug_taken(p_slug text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM accounts WHERE slug = p_slug)
$$;
--> statement-breakpoint
CREATE FUNCTION app.purge_expired_idempotency_keys(p_batch integer DEFAULT 5000) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n integer;
BEGIN
  DELETE FROM idempotency_keys WHERE id IN (
    SELECT id FROM idempotency_keys WHERE expires_at < now() LIMIT p_batch);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
--> statement-breakpoint
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA app FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.account_ids(), app.user_id(), app.find_api_key(text),
  app.find_login_user(text), app.find_invitation(text), app.email_taken(text),
  app.slug_taken(text), app.purge_expired_idempotency_keys(integer) TO markettina_app;
--> statement-breakpoint
-- Grants: only what the API and worker need. audit_logs is append-only for the application.
GRANT SELECT, INSERT, UPDATE ON accounts, users, memberships, invitations, api_keys,
  idempotency_keys, account_feature_flags, api_rate_limits TO markettina_app;
--> statement-breakpoint
GRANT DELETE ON memberships, idempotency_keys, account_feature_flags, api_rate_limits TO markettina_app;
--> statement-breakpoint
GRANT SELECT ON feature_flags TO markettina_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_logs TO markettina_app;
