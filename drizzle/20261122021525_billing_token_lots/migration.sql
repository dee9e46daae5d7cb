CREATE TABLE "token_lots" (
	"id" uuid PRIMARY KEY,
	"account_id" uuid NOT NULL,
	"wallet_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL CONSTRAINT "token_lots_entry_key" UNIQUE,
	"amount" bigint NOT NULL,
	"remaining" bigint NOT NULL,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "token_lots_account_id_id_key" UNIQUE("account_id","id"),
	CONSTRAINT "token_lots_remaining_within" CHECK ("remaining" >= 0 and "remaining" <= "amount")
);
--> statement-breakpoint
ALTER TABLE "token_transactions" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "token_lots_draw_down_idx" ON "token_lots" ("wallet_id","expires_at","created_at","id") WHERE remaining > 0;--> statement-breakpoint
CREATE INDEX "token_lots_expiring_idx" ON "token_lots" ("expires_at") WHERE remaining > 0 and expires_at is not null;--> statement-breakpoint
ALTER TABLE "token_lots" ADD CONSTRAINT "token_lots_wallet_fk" FOREIGN KEY ("account_id","wallet_id") REFERENCES "token_wallets"("account_id","id");--> statement-breakpoint
ALTER TABLE "token_lots" ADD CONSTRAINT "token_lots_entry_fk" FOREIGN KEY ("account_id","entry_id") REFERENCES "token_transactions"("account_id","id");--> statement-breakpoint
ALTER TABLE "token_transactions" ADD CONSTRAINT "token_transactions_expiry_on_credits" CHECK ("expires_at" is null or "amount" > 0);