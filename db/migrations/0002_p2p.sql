CREATE TYPE "public"."p2p_channel" AS ENUM('smoney', 'manifest', 'backoffice');--> statement-breakpoint
CREATE TYPE "public"."p2p_status" AS ENUM('created', 'pending', 'sent', 'error', 'expired');--> statement-breakpoint
CREATE TABLE "p2p_events" (
	"partner_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"transfer_id" text NOT NULL,
	"type" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "p2p_events_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "p2p_transfers" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"channel" "p2p_channel" NOT NULL,
	"order_id" text,
	"source_account_id" text NOT NULL,
	"destination_account_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	"currency" char(3) NOT NULL,
	"description" text NOT NULL,
	"user_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "p2p_status" NOT NULL,
	"error_reason" text,
	"failed_commits" integer DEFAULT 0 NOT NULL,
	"code_hash" text,
	"expires_at" timestamp with time zone,
	"committed_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"transaction_id" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "p2p_transfers_partner_id_id_pk" PRIMARY KEY("partner_id","id"),
	CONSTRAINT "p2p_transfers_amount_positive" CHECK ("p2p_transfers"."amount" > 0),
	CONSTRAINT "p2p_transfers_fee_non_negative" CHECK ("p2p_transfers"."fee" >= 0),
	CONSTRAINT "p2p_transfers_distinct_accounts" CHECK ("p2p_transfers"."source_account_id" <> "p2p_transfers"."destination_account_id")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "permissions" text[] DEFAULT '{payment.debit,payment.credit}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "p2p_events" ADD CONSTRAINT "p2p_events_partner_id_transfer_id_p2p_transfers_partner_id_id_fk" FOREIGN KEY ("partner_id","transfer_id") REFERENCES "public"."p2p_transfers"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "p2p_transfers" ADD CONSTRAINT "p2p_transfers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "p2p_transfers" ADD CONSTRAINT "p2p_transfers_partner_id_source_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","source_account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "p2p_transfers" ADD CONSTRAINT "p2p_transfers_partner_id_destination_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","destination_account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "p2p_events_transfer" ON "p2p_events" USING btree ("partner_id","transfer_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "p2p_transfers_order_id" ON "p2p_transfers" USING btree ("partner_id","order_id") WHERE "p2p_transfers"."order_id" is not null;--> statement-breakpoint
CREATE INDEX "p2p_transfers_created" ON "p2p_transfers" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "p2p_transfers_source" ON "p2p_transfers" USING btree ("partner_id","source_account_id","created_at");--> statement-breakpoint
CREATE INDEX "p2p_transfers_destination" ON "p2p_transfers" USING btree ("partner_id","destination_account_id","created_at");--> statement-breakpoint
CREATE INDEX "p2p_transfers_status" ON "p2p_transfers" USING btree ("partner_id","status","created_at");--> statement-breakpoint
CREATE INDEX "p2p_transfers_expiry" ON "p2p_transfers" USING btree ("expires_at") WHERE "p2p_transfers"."status" = 'created';