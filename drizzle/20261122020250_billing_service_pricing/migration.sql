-- The metered services every installation starts with. Platform admins change prices in the
-- console; a service's code is what the spending code names when it reserves tokens.
INSERT INTO service_pricing (id, service_code, name, unit, tokens_per_unit) VALUES
  (app.uuidv7(), 'content_generation', 'AI content generation', '1,000 words', 50),
  (app.uuidv7(), 'image_generation', 'AI image generation', 'image', 40),
  (app.uuidv7(), 'brand_analysis', 'Brand DNA analysis', 'analysis', 200),
  (app.uuidv7(), 'email_send', 'E-mail send', 'message', 1),
  (app.uuidv7(), 'sms_send', 'SMS send', 'message', 8);
