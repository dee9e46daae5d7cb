-- Content: tenant rows under row-level security.
SELECT app.enable_tenant_rls('content_items');
--> statement-breakpoint
SELECT app.enable_tenant_rls('content_versions');
--> statement-breakpoint
SELECT app.enable_tenant_rls('content_approvals');
--> statement-breakpoint
SELECT app.enable_tenant_rls('content_templates');
--> statement-breakpoint
SELECT app.enable_tenant_rls('media_assets');
--> statement-breakpoint
SELECT app.enable_tenant_rls('connectors');
--> statement-breakpoint
SELECT app.enable_tenant_rls('scheduled_posts');
--> statement-breakpoint
SELECT app.enable_tenant_rls('content_generations');
--> statement-breakpoint
-- History and generation records are append-only for the application; items, templates, assets,
-- connectors and posts are edited, and only connectors and templates may be deleted outright.
GRANT SELECT, INSERT ON content_versions TO markettina_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON content_items, content_approvals, media_assets, scheduled_posts, content_generations TO markettina_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON content_templates, connectors TO markettina_app;
--> statement-breakpoint
-- The publisher finds posts that are due across every tenant, then publishes each one inside
-- that tenant's scope. Only ids leave this function. A post stuck in 'publishing' longer than
-- the lease (a worker died mid-publish) is due again.
CREATE FUNCTION app.due_posts(p_limit integer DEFAULT 100, p_lease_seconds integer DEFAULT 300)
RETURNS TABLE (account_id uuid, post_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT p.account_id, p.id FROM scheduled_posts p
   WHERE (p.status = 'scheduled' AND coalesce(p.next_attempt_at, p.scheduled_at) <= now())
      OR (p.status = 'publishing' AND p.claimed_at < now() - make_interval(secs => p_lease_seconds))
   ORDER BY coalesce(p.next_attempt_at, p.scheduled_at)
   LIMIT p_limit
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.due_posts(integer, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.due_posts(integer, integer) TO markettina_app;
