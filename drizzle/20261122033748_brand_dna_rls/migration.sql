-- Brand DNA: tenant rows under row-level security, one profile per account created with the
-- account (version 1, empty, with its snapshot), history append-only for the application.
SELECT app.enable_tenant_rls(t) FROM unnest(ARRAY['brand_dna', 'brand_dna_versions']::regclass[]) AS t;
--> statement-breakpoint
GRANT SELECT, UPDATE ON brand_dna TO markettina_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON brand_dna_versions TO markettina_app;
--> statement-breakpoint
-- The profile's fields as a version snapshot stores them (the same keys as the application's).
CREATE FUNCTION app.brand_dna_snapshot(b brand_dna) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'brandName', b.brand_name, 'mission', b.mission, 'values', to_jsonb(b.values),
    'toneFormality', b.tone_formality, 'toneAdjectives', to_jsonb(b.tone_adjectives),
    'audience', b.audience, 'personas', b.personas, 'keyMessages', to_jsonb(b.key_messages),
    'keywords', to_jsonb(b.keywords), 'wordsToAvoid', to_jsonb(b.words_to_avoid),
    'palette', b.palette, 'fonts', b.fonts, 'examplePosts', to_jsonb(b.example_posts),
    'languages', to_jsonb(b.languages))
$$;
--> statement-breakpoint
CREATE FUNCTION app.create_brand_dna() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE b brand_dna;
BEGIN
  INSERT INTO brand_dna (id, account_id, brand_name) VALUES (app.uuidv7(), NEW.id, NEW.name)
  RETURNING * INTO b;
  INSERT INTO brand_dna_versions (id, account_id, brand_dna_id, version, snapshot, created_by)
  VALUES (app.uuidv7(), NEW.id, b.id, 1, app.brand_dna_snapshot(b), NEW.created_by);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER accounts_create_brand_dna AFTER INSERT ON accounts
  FOR EACH ROW EXECUTE FUNCTION app.create_brand_dna();
--> statement-breakpoint
WITH created AS (
  INSERT INTO brand_dna (id, account_id, brand_name)
  SELECT app.uuidv7(), a.id, a.name FROM accounts a
   WHERE NOT EXISTS (SELECT 1 FROM brand_dna b WHERE b.account_id = a.id)
  RETURNING *
)
INSERT INTO brand_dna_versions (id, account_id, brand_dna_id, version, snapshot)
SELECT app.uuidv7(), c.account_id, c.id, 1, app.brand_dna_snapshot(c::brand_dna) FROM created c;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.brand_dna_snapshot(brand_dna), app.create_brand_dna() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.brand_dna_snapshot(brand_dna) TO markettina_app;
