-- Campaigns: tenant rows under row-level security; soft-deleted, never deleted by the application.
SELECT app.enable_tenant_rls('campaigns');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON campaigns TO markettina_app;
