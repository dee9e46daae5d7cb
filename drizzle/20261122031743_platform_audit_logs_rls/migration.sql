-- The installation-level audit trail: anyone's request may append (only platform-admin operations
-- do), only platform admins read it, nobody edits it.
ALTER TABLE platform_audit_logs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE platform_audit_logs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY append ON platform_audit_logs FOR INSERT TO markettina_app WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY platform_admins_read ON platform_audit_logs FOR SELECT TO markettina_app
  USING ((SELECT app.is_platform_admin()));
--> statement-breakpoint
CREATE POLICY maintenance ON platform_audit_logs TO CURRENT_USER USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT, INSERT ON platform_audit_logs TO markettina_app;
