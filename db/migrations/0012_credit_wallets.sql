CREATE TYPE "public"."credit_limit_request_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."credit_non_payment" AS ENUM('block', 'block_and_fee');--> statement-breakpoint
CREATE TYPE "public"."credit_wallet_status" AS ENUM('active', 'blocked');--> statement-breakpoint
CREATE TABLE "credit_limit_changes" (
	"partner_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"wallet_id" text NOT NULL,
	"from_limit" bigint NOT NULL,
	"to_limit" bigint NOT NULL,
	"source" text NOT NULL,
	"statement" text,
	"request_id" text,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_limit_changes_partner_id_id_pk" PRIMARY KEY("partner_id","id"),
	CONSTRAINT "credit_limit_changes_rise" CHECK ("credit_limit_changes"."to_limit" >= "credit_limit_changes"."from_limit")
);
--> statement-breakpoint
CREATE TABLE "credit_limit_requests" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"wallet_id" text NOT NULL,
	"from_limit" bigint NOT NULL,
	"to_limit" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" "credit_limit_request_status" DEFAULT 'pending' NOT NULL,
	"requested_by" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_limit_requests_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_movements" (
	"partner_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"wallet_id" text NOT NULL,
	"type" text NOT NULL,
	"amount" bigint NOT NULL,
	"to_capital" bigint DEFAULT 0 NOT NULL,
	"to_interest" bigint DEFAULT 0 NOT NULL,
	"capital_after" bigint NOT NULL,
	"interest_after" bigint NOT NULL,
	"statement" text,
	"transaction_id" text NOT NULL,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_movements_partner_id_id_pk" PRIMARY KEY("partner_id","id"),
	CONSTRAINT "credit_movements_positive" CHECK ("credit_movements"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "credit_product_terms" (
	"code" char(3) NOT NULL,
	"version" integer NOT NULL,
	"annual_rate_bps" integer NOT NULL,
	"interest_share_bps" integer NOT NULL,
	"minimum_payment_bps" integer NOT NULL,
	"due_days" integer NOT NULL,
	"grace_days" integer NOT NULL,
	"non_payment" "credit_non_payment" DEFAULT 'block' NOT NULL,
	"late_fee" bigint DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_product_terms_code_version_pk" PRIMARY KEY("code","version"),
	CONSTRAINT "credit_product_terms_bps" CHECK ("credit_product_terms"."annual_rate_bps" between 0 and 100000 and "credit_product_terms"."interest_share_bps" between 0 and 10000 and "credit_product_terms"."minimum_payment_bps" between 0 and 10000),
	CONSTRAINT "credit_product_terms_days" CHECK ("credit_product_terms"."due_days" between 1 and 28 and "credit_product_terms"."grace_days" between 0 and 90),
	CONSTRAINT "credit_product_terms_fee" CHECK ("credit_product_terms"."late_fee" >= 0)
);
--> statement-breakpoint
CREATE TABLE "credit_products" (
	"code" char(3) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_products_code" CHECK ("credit_products"."code" ~ '^[0-9]{3}$')
);
--> statement-breakpoint
CREATE TABLE "credit_statements" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"wallet_id" text NOT NULL,
	"cycle" integer NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"cut_at" timestamp with time zone NOT NULL,
	"days" integer NOT NULL,
	"terms_version" integer NOT NULL,
	"annual_rate_bps" integer NOT NULL,
	"opening" bigint NOT NULL,
	"draws" bigint NOT NULL,
	"payments" bigint NOT NULL,
	"interest" bigint NOT NULL,
	"fees" bigint NOT NULL,
	"closing" bigint NOT NULL,
	"capital_closing" bigint NOT NULL,
	"past_due" bigint NOT NULL,
	"past_due_since" timestamp with time zone,
	"minimum_due" bigint NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"paid_since_cut" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_statements_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_wallet_events" (
	"partner_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"wallet_id" text NOT NULL,
	"type" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "credit_wallet_events_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "credit_wallets" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"product_code" char(3) NOT NULL,
	"terms_version" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"description" text,
	"term_days" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"limit" bigint NOT NULL,
	"internal_limit" bigint DEFAULT 0 NOT NULL,
	"capital_owed" bigint DEFAULT 0 NOT NULL,
	"interest_owed" bigint DEFAULT 0 NOT NULL,
	"spent_month" bigint DEFAULT 0 NOT NULL,
	"status" "credit_wallet_status" DEFAULT 'active' NOT NULL,
	"blocked_reason" text,
	"blocked_note" text,
	"blocked_at" timestamp with time zone,
	"first_cut_at" timestamp with time zone NOT NULL,
	"cycle_start_at" timestamp with time zone NOT NULL,
	"next_cut_at" timestamp with time zone NOT NULL,
	"cycles_closed" integer DEFAULT 0 NOT NULL,
	"overdue_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_wallets_partner_id_id_pk" PRIMARY KEY("partner_id","id"),
	CONSTRAINT "credit_wallets_amounts" CHECK ("credit_wallets"."limit" >= 0 and "credit_wallets"."internal_limit" >= 0 and "credit_wallets"."capital_owed" >= 0 and "credit_wallets"."interest_owed" >= 0 and "credit_wallets"."spent_month" >= 0),
	CONSTRAINT "credit_wallets_blocked" CHECK (("credit_wallets"."status" = 'active') = ("credit_wallets"."blocked_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "credit_limit_changes" ADD CONSTRAINT "credit_limit_changes_partner_id_wallet_id_credit_wallets_partner_id_id_fk" FOREIGN KEY ("partner_id","wallet_id") REFERENCES "public"."credit_wallets"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_limit_requests" ADD CONSTRAINT "credit_limit_requests_partner_id_wallet_id_credit_wallets_partner_id_id_fk" FOREIGN KEY ("partner_id","wallet_id") REFERENCES "public"."credit_wallets"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_movements" ADD CONSTRAINT "credit_movements_partner_id_wallet_id_credit_wallets_partner_id_id_fk" FOREIGN KEY ("partner_id","wallet_id") REFERENCES "public"."credit_wallets"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_product_terms" ADD CONSTRAINT "credit_product_terms_code_credit_products_code_fk" FOREIGN KEY ("code") REFERENCES "public"."credit_products"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_statements" ADD CONSTRAINT "credit_statements_partner_id_wallet_id_credit_wallets_partner_id_id_fk" FOREIGN KEY ("partner_id","wallet_id") REFERENCES "public"."credit_wallets"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_wallet_events" ADD CONSTRAINT "credit_wallet_events_partner_id_wallet_id_credit_wallets_partner_id_id_fk" FOREIGN KEY ("partner_id","wallet_id") REFERENCES "public"."credit_wallets"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_wallets" ADD CONSTRAINT "credit_wallets_partner_id_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_wallets" ADD CONSTRAINT "credit_wallets_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_wallets" ADD CONSTRAINT "credit_wallets_product_code_terms_version_credit_product_terms_code_version_fk" FOREIGN KEY ("product_code","terms_version") REFERENCES "public"."credit_product_terms"("code","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_limit_changes_wallet" ON "credit_limit_changes" USING btree ("partner_id","wallet_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_limit_requests_one_pending" ON "credit_limit_requests" USING btree ("partner_id","wallet_id") WHERE "credit_limit_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "credit_limit_requests_status" ON "credit_limit_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "credit_movements_wallet" ON "credit_movements" USING btree ("partner_id","wallet_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_statements_cycle" ON "credit_statements" USING btree ("partner_id","wallet_id","cycle");--> statement-breakpoint
CREATE INDEX "credit_wallet_events_wallet" ON "credit_wallet_events" USING btree ("partner_id","wallet_id","id");--> statement-breakpoint
CREATE INDEX "credit_wallets_customer" ON "credit_wallets" USING btree ("partner_id","customer_id");--> statement-breakpoint
CREATE INDEX "credit_wallets_next_cut" ON "credit_wallets" USING btree ("next_cut_at");--> statement-breakpoint
CREATE INDEX "credit_wallets_created" ON "credit_wallets" USING btree ("partner_id","created_at");