CREATE TYPE "public"."role" AS ENUM('admin', 'finance', 'manager', 'partner');--> statement-breakpoint
CREATE TYPE "public"."customer_status" AS ENUM('active', 'blocked', 'closed');--> statement-breakpoint
CREATE TYPE "public"."account_kind" AS ENUM('customer_wallet', 'credit_wallet', 'commission', 'loss_and_profit', 'funding');--> statement-breakpoint
CREATE TYPE "public"."account_status" AS ENUM('active', 'restricted', 'locked', 'closed');--> statement-breakpoint
CREATE TYPE "public"."hold_status" AS ENUM('active', 'released', 'captured');--> statement-breakpoint
CREATE TYPE "public"."webhook_delivery_status" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "partners" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"program_code" text NOT NULL,
	"currency" char(3) NOT NULL,
	"supported_currencies" text[] NOT NULL,
	"auto_debt_recovery" boolean DEFAULT true NOT NULL,
	"accent_color" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_slug_unique" UNIQUE("slug"),
	CONSTRAINT "partners_program_code_unique" UNIQUE("program_code")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"label" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"partner_id" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_partner_role" CHECK (("users"."role" = 'partner') = ("users"."partner_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"app_user_id" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"phone" text,
	"status" "customer_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_partner_id_id_pk" PRIMARY KEY("partner_id","id"),
	CONSTRAINT "customers_app_user_id" UNIQUE("partner_id","app_user_id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" "account_kind" NOT NULL,
	"customer_id" text,
	"name" text NOT NULL,
	"currency" char(3) NOT NULL,
	"status" "account_status" DEFAULT 'active' NOT NULL,
	"kyc_pending_gate" text,
	"max_balance" bigint,
	"balance" bigint DEFAULT 0 NOT NULL,
	"held" bigint DEFAULT 0 NOT NULL,
	"allow_negative" boolean DEFAULT false NOT NULL,
	"is_hot" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_partner_id_id_pk" PRIMARY KEY("partner_id","id"),
	CONSTRAINT "accounts_held_non_negative" CHECK ("accounts"."held" >= 0),
	CONSTRAINT "accounts_available_non_negative" CHECK ("accounts"."allow_negative" or "accounts"."balance" - "accounts"."held" >= 0)
);
--> statement-breakpoint
CREATE TABLE "holds" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"account_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" "hold_status" DEFAULT 'active' NOT NULL,
	"reason" text NOT NULL,
	"captured_transaction_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "holds_partner_id_id_pk" PRIMARY KEY("partner_id","id"),
	CONSTRAINT "holds_positive" CHECK ("holds"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"partner_id" text NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"completed" boolean DEFAULT false NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_partner_id_scope_key_pk" PRIMARY KEY("partner_id","scope","key")
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"partner_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"transaction_id" text NOT NULL,
	"account_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"balance_after" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_partner_id_id_pk" PRIMARY KEY("partner_id","id"),
	CONSTRAINT "journal_entries_non_zero" CHECK ("journal_entries"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "journal_transactions" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"reference" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_transactions_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_role" text NOT NULL,
	"partner_id" text,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "outbox_events" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_events_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"event_id" text NOT NULL,
	"endpoint_id" text NOT NULL,
	"status" "webhook_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_delivery_attempts" (
	"partner_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"delivery_id" text NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_code" integer,
	"response_body" text,
	"error" text,
	"duration_ms" integer NOT NULL,
	CONSTRAINT "webhook_delivery_attempts_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "webhook_endpoints_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holds" ADD CONSTRAINT "holds_partner_id_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_partner_id_transaction_id_journal_transactions_partner_id_id_fk" FOREIGN KEY ("partner_id","transaction_id") REFERENCES "public"."journal_transactions"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_partner_id_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_transactions" ADD CONSTRAINT "journal_transactions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_partner_id_event_id_outbox_events_partner_id_id_fk" FOREIGN KEY ("partner_id","event_id") REFERENCES "public"."outbox_events"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_partner_id_endpoint_id_webhook_endpoints_partner_id_id_fk" FOREIGN KEY ("partner_id","endpoint_id") REFERENCES "public"."webhook_endpoints"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_delivery_attempts" ADD CONSTRAINT "webhook_delivery_attempts_partner_id_delivery_id_webhook_deliveries_partner_id_id_fk" FOREIGN KEY ("partner_id","delivery_id") REFERENCES "public"."webhook_deliveries"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_partner" ON "api_keys" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "customers_name" ON "customers" USING btree ("partner_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "accounts_customer" ON "accounts" USING btree ("partner_id","customer_id");--> statement-breakpoint
CREATE INDEX "accounts_kind" ON "accounts" USING btree ("partner_id","kind");--> statement-breakpoint
CREATE INDEX "holds_account" ON "holds" USING btree ("partner_id","account_id","status");--> statement-breakpoint
CREATE INDEX "journal_entries_account" ON "journal_entries" USING btree ("partner_id","account_id","id");--> statement-breakpoint
CREATE INDEX "journal_entries_transaction" ON "journal_entries" USING btree ("partner_id","transaction_id");--> statement-breakpoint
CREATE INDEX "journal_transactions_created" ON "journal_transactions" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "journal_transactions_reference" ON "journal_transactions" USING btree ("partner_id","kind","reference");--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_object" ON "audit_log" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "outbox_events_created" ON "outbox_events" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_status" ON "webhook_deliveries" USING btree ("partner_id","status","created_at");