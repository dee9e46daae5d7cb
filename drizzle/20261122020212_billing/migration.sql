CREATE TYPE "invoice_status" AS ENUM('draft', 'open', 'paid', 'void');--> statement-breakpoint
CREATE TYPE "payment_provider" AS ENUM('stripe', 'manual');--> statement-breakpoint
CREATE TYPE "payment_status" AS ENUM('pending', 'succeeded', 'failed', 'canceled');--> statement-breakpoint
CREATE TYPE "promo_kind" AS ENUM('bonus_tokens', 'percent_off');--> statement-breakpoint
CREATE TYPE "token_reservation_status" AS ENUM('held', 'settled', 'released');--> statement-breakpoint
CREATE TYPE "token_transaction_type" AS ENUM('purchase', 'bonus', 'debit', 'refund', 'transfer_in', 'transfer_out', 'expiry', 'adjustment', 'markup');--> statement-breakpoint
CREATE TABLE "invoice_counters" (
	"name" text PRIMARY KEY,
	"last_number" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_items" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"description" text NOT NULL,
	"package_id" uuid,
	"quantity" integer DEFAULT 1 NOT NULL,
	"unit_price_minor" integer NOT NULL,
	"amount_minor" integer NOT NULL,
	"tokens" bigint DEFAULT 0 NOT NULL,
	"bonus_tokens" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_items_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "invoice_items_amounts" CHECK ("quantity" > 0 and "amount_minor" = "quantity" * "unit_price_minor")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"number" bigint NOT NULL CONSTRAINT "invoices_number_key" UNIQUE,
	"status" "invoice_status" DEFAULT 'open'::"invoice_status" NOT NULL,
	"currency" text NOT NULL,
	"subtotal_minor" integer NOT NULL,
	"discount_minor" integer DEFAULT 0 NOT NULL,
	"tax_minor" integer DEFAULT 0 NOT NULL,
	"total_minor" integer NOT NULL,
	"billed_name" text NOT NULL,
	"promo_code_id" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "invoices_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "invoices_totals" CHECK ("subtotal_minor" >= 0 and "discount_minor" >= 0 and "tax_minor" >= 0
          and "total_minor" = "subtotal_minor" - "discount_minor" + "tax_minor" and "total_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"status" "payment_status" DEFAULT 'pending'::"payment_status" NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"checkout_session_id" text CONSTRAINT "payments_checkout_session_key" UNIQUE,
	"checkout_url" text,
	"provider_payment_id" text,
	"provider_event_id" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "payments_account_id_id_key" UNIQUE("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "promo_codes" (
	"id" uuid PRIMARY KEY,
	"code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "promo_kind" NOT NULL,
	"bonus_tokens" bigint,
	"percent_off" integer,
	"max_redemptions" integer,
	"redemption_count" integer DEFAULT 0 NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promo_codes_kind_value" CHECK (("kind" = 'bonus_tokens' and "bonus_tokens" > 0 and "percent_off" is null)
          or ("kind" = 'percent_off' and "percent_off" between 1 and 100 and "bonus_tokens" is null)),
	CONSTRAINT "promo_codes_redemptions" CHECK ("redemption_count" >= 0 and ("max_redemptions" is null or "redemption_count" <= "max_redemptions")),
	CONSTRAINT "promo_codes_window" CHECK ("valid_from" is null or "valid_until" is null or "valid_from" < "valid_until")
);
--> statement-breakpoint
CREATE TABLE "promo_redemptions" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"promo_code_id" uuid NOT NULL,
	"transaction_id" uuid,
	"invoice_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "promo_redemptions_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "promo_redemptions_code_account_key" UNIQUE("promo_code_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "service_markups" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"sub_account_id" uuid NOT NULL,
	"service_code" text,
	"markup_bps" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "service_markups_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "service_markups_sub_account_service_key" UNIQUE NULLS NOT DISTINCT("sub_account_id","service_code"),
	CONSTRAINT "service_markups_bps_range" CHECK ("markup_bps" between 0 and 100000)
);
--> statement-breakpoint
CREATE TABLE "service_pricing" (
	"id" uuid PRIMARY KEY,
	"service_code" text NOT NULL CONSTRAINT "service_pricing_service_code_key" UNIQUE,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"tokens_per_unit" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_pricing_code_format" CHECK ("service_code" ~ '^[a-z][a-z0-9_]{1,62}$'),
	CONSTRAINT "service_pricing_tokens_positive" CHECK ("tokens_per_unit" > 0)
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"event_id" text PRIMARY KEY,
	"type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "token_packages" (
	"id" uuid PRIMARY KEY,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tokens" bigint NOT NULL,
	"bonus_tokens" bigint DEFAULT 0 NOT NULL,
	"price_minor" integer NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "token_packages_tokens_positive" CHECK ("tokens" > 0 and "bonus_tokens" >= 0),
	CONSTRAINT "token_packages_price_positive" CHECK ("price_minor" > 0),
	CONSTRAINT "token_packages_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "token_reservations" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"wallet_id" uuid NOT NULL,
	"status" "token_reservation_status" DEFAULT 'held'::"token_reservation_status" NOT NULL,
	"service_code" text NOT NULL,
	"units" bigint NOT NULL,
	"base_tokens_per_unit" bigint NOT NULL,
	"markup_bps" integer DEFAULT 0 NOT NULL,
	"amount" bigint NOT NULL,
	"settled_units" bigint,
	"settled_amount" bigint,
	"markup_amount" bigint,
	"reference" text,
	"idempotency_key" text,
	"expires_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "token_reservations_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "token_reservations_wallet_idempotency_key" UNIQUE("wallet_id","idempotency_key"),
	CONSTRAINT "token_reservations_amount_positive" CHECK ("amount" > 0 and "units" > 0),
	CONSTRAINT "token_reservations_settled_within" CHECK ("settled_amount" is null or ("settled_amount" >= 0 and "settled_amount" <= "amount"))
);
--> statement-breakpoint
CREATE TABLE "token_transactions" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"wallet_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"type" "token_transaction_type" NOT NULL,
	"amount" bigint NOT NULL,
	"balance_after" bigint NOT NULL,
	"service_code" text,
	"units" bigint,
	"description" text DEFAULT '' NOT NULL,
	"reference_type" text,
	"reference_id" uuid,
	"counterparty_account_id" uuid,
	"idempotency_key" text,
	"actor_user_id" uuid,
	"actor_api_key_id" uuid,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "token_transactions_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "token_transactions_wallet_seq_key" UNIQUE("wallet_id","seq"),
	CONSTRAINT "token_transactions_wallet_idempotency_key" UNIQUE("wallet_id","idempotency_key"),
	CONSTRAINT "token_transactions_amount_sign" CHECK (case
        when "type" in ('purchase', 'bonus', 'refund', 'transfer_in', 'markup') then "amount" > 0
        when "type" in ('debit', 'transfer_out', 'expiry') then "amount" < 0
        else "amount" <> 0 end),
	CONSTRAINT "token_transactions_balance_nonnegative" CHECK ("balance_after" >= 0)
);
--> statement-breakpoint
CREATE TABLE "token_wallets" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL CONSTRAINT "token_wallets_account_key" UNIQUE,
	"balance" bigint DEFAULT 0 NOT NULL,
	"reserved" bigint DEFAULT 0 NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"low_balance_threshold" bigint,
	"low_balance_since" timestamp with time zone,
	"auto_recharge_enabled" boolean DEFAULT false NOT NULL,
	"auto_recharge_package_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "token_wallets_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "token_wallets_balance_nonnegative" CHECK ("balance" >= 0),
	CONSTRAINT "token_wallets_reserved_within_balance" CHECK ("reserved" >= 0 and "reserved" <= "balance"),
	CONSTRAINT "token_wallets_threshold_nonnegative" CHECK (coalesce("low_balance_threshold", 0) >= 0),
	CONSTRAINT "token_wallets_auto_recharge_complete" CHECK (not "auto_recharge_enabled" or ("auto_recharge_package_id" is not null and "low_balance_threshold" is not null))
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_parent_id_key" UNIQUE("parent_account_id","id");--> statement-breakpoint
CREATE INDEX "invoice_items_invoice_idx" ON "invoice_items" ("account_id","invoice_id");--> statement-breakpoint
CREATE INDEX "invoices_account_issued_idx" ON "invoices" ("account_id","issued_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" ("account_id","invoice_id");--> statement-breakpoint
CREATE INDEX "payments_pending_idx" ON "payments" ("created_at") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "promo_codes_code_key" ON "promo_codes" (upper("code"));--> statement-breakpoint
CREATE INDEX "token_reservations_held_expiry_idx" ON "token_reservations" ("expires_at") WHERE status = 'held';--> statement-breakpoint
CREATE INDEX "token_transactions_account_created_idx" ON "token_transactions" ("account_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "token_transactions_account_type_idx" ON "token_transactions" ("account_id","type","created_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_package_id_token_packages_id_fkey" FOREIGN KEY ("package_id") REFERENCES "token_packages"("id");--> statement-breakpoint
ALTER TABLE "invoice_items" ADD CONSTRAINT "invoice_items_invoice_fk" FOREIGN KEY ("account_id","invoice_id") REFERENCES "invoices"("account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_confirmed_by_users_id_fkey" FOREIGN KEY ("confirmed_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_fk" FOREIGN KEY ("account_id","invoice_id") REFERENCES "invoices"("account_id","id");--> statement-breakpoint
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_promo_code_id_promo_codes_id_fkey" FOREIGN KEY ("promo_code_id") REFERENCES "promo_codes"("id");--> statement-breakpoint
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_transaction_fk" FOREIGN KEY ("account_id","transaction_id") REFERENCES "token_transactions"("account_id","id");--> statement-breakpoint
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_invoice_fk" FOREIGN KEY ("account_id","invoice_id") REFERENCES "invoices"("account_id","id");--> statement-breakpoint
ALTER TABLE "service_markups" ADD CONSTRAINT "service_markups_service_code_service_pricing_service_code_fkey" FOREIGN KEY ("service_code") REFERENCES "service_pricing"("service_code") ON UPDATE CASCADE;--> statement-breakpoint
ALTER TABLE "service_markups" ADD CONSTRAINT "service_markups_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "service_markups" ADD CONSTRAINT "service_markups_sub_account_fk" FOREIGN KEY ("account_id","sub_account_id") REFERENCES "accounts"("parent_account_id","id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "token_reservations" ADD CONSTRAINT "token_reservations_created_by_users_id_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "token_reservations" ADD CONSTRAINT "token_reservations_wallet_fk" FOREIGN KEY ("account_id","wallet_id") REFERENCES "token_wallets"("account_id","id");--> statement-breakpoint
ALTER TABLE "token_transactions" ADD CONSTRAINT "token_transactions_counterparty_account_id_accounts_id_fkey" FOREIGN KEY ("counterparty_account_id") REFERENCES "accounts"("id");--> statement-breakpoint
ALTER TABLE "token_transactions" ADD CONSTRAINT "token_transactions_actor_user_id_users_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "token_transactions" ADD CONSTRAINT "token_transactions_wallet_fk" FOREIGN KEY ("account_id","wallet_id") REFERENCES "token_wallets"("account_id","id");--> statement-breakpoint
ALTER TABLE "token_transactions" ADD CONSTRAINT "token_transactions_api_key_fk" FOREIGN KEY ("account_id","actor_api_key_id") REFERENCES "api_keys"("account_id","id");--> statement-breakpoint
ALTER TABLE "token_wallets" ADD CONSTRAINT "token_wallets_account_id_accounts_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "token_wallets" ADD CONSTRAINT "token_wallets_auto_recharge_package_id_token_packages_id_fkey" FOREIGN KEY ("auto_recharge_package_id") REFERENCES "token_packages"("id");