-- RLS restricts rows, not columns: the application may create users and update its own user, but
-- never grant platform-admin rights, which only an operator (as the owner) can.
REVOKE INSERT, UPDATE ON users FROM markettina_app;
--> statement-breakpoint
GRANT INSERT (id, email, name, password_hash, email_verified_at, created_at, updated_at) ON users TO markettina_app;
--> statement-breakpoint
GRANT UPDATE (email, name, password_hash, email_verified_at, last_login_at, failed_login_count, locked_until, updated_at)
  ON users TO markettina_app;
