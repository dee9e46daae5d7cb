-- Cost-based rate limit per API key: a leaky bucket in api_rate_limits. Each request pours its
-- GraphQL cost in; the bucket drains at leak_per_second; a request that would overflow it is
-- refused. One SECURITY DEFINER call, outside the request's transaction, so the bucket row is
-- locked for microseconds and concurrent requests of one key do not queue behind each other.
CREATE FUNCTION app.spend_rate_limit(
  p_account_id uuid, p_api_key_id uuid, p_cost integer, p_capacity integer, p_leak_per_second integer)
RETURNS TABLE (allowed boolean, level integer, retry_after_ms integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  bucket api_rate_limits%ROWTYPE;
  drained integer;
BEGIN
  INSERT INTO api_rate_limits (id, account_id, api_key_id, level, capacity, leak_per_second, updated_at)
  VALUES (gen_random_uuid(), p_account_id, p_api_key_id, 0, p_capacity, p_leak_per_second, clock_timestamp())
  ON CONFLICT (account_id, api_key_id) DO NOTHING;
  SELECT * INTO bucket FROM api_rate_limits b
   WHERE b.account_id = p_account_id AND b.api_key_id IS NOT DISTINCT FROM p_api_key_id
     FOR UPDATE;
  drained := greatest(0, bucket.level
    - floor(extract(epoch FROM clock_timestamp() - bucket.updated_at) * p_leak_per_second)::integer);
  IF drained + p_cost > p_capacity THEN
    UPDATE api_rate_limits SET level = drained, capacity = p_capacity, leak_per_second = p_leak_per_second,
           updated_at = clock_timestamp()
     WHERE id = bucket.id;
    RETURN QUERY SELECT false, drained,
      ceil((drained + p_cost - p_capacity) * 1000.0 / greatest(p_leak_per_second, 1))::integer;
  ELSE
    UPDATE api_rate_limits SET level = drained + p_cost, capacity = p_capacity,
           leak_per_second = p_leak_per_second, updated_at = clock_timestamp()
     WHERE id = bucket.id;
    RETURN QUERY SELECT true, drained + p_cost, 0;
  END IF;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app.spend_rate_limit(uuid, uuid, integer, integer, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app.spend_rate_limit(uuid, uuid, integer, integer, integer) TO markettina_app;
