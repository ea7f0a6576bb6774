CREATE TYPE "public"."program_transfer_status" AS ENUM('pending', 'completed', 'reversed', 'canceled', 'failed');--> statement-breakpoint
CREATE TYPE "public"."program_transfer_type" AS ENUM('disbursementIn', 'disbursementOut');--> statement-breakpoint
CREATE TABLE "program_transfers" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"transfer_identifier" text NOT NULL,
	"type" "program_transfer_type" NOT NULL,
	"account_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"status" "program_transfer_status" NOT NULL,
	"operation" text DEFAULT 'transfer' NOT NULL,
	"hold_id" text,
	"transaction_id" text,
	"reversal_transaction_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"first_attempt_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_transfers_partner_id_id_pk" PRIMARY KEY("partner_id","id"),
	CONSTRAINT "program_transfers_amount_positive" CHECK ("program_transfers"."amount" > 0),
	CONSTRAINT "program_transfers_operation" CHECK ("program_transfers"."operation" in ('transfer', 'reversal'))
);
--> statement-breakpoint
ALTER TABLE "program_transfers" ADD CONSTRAINT "program_transfers_partner_id_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "program_transfers_identifier" ON "program_transfers" USING btree ("partner_id","transfer_identifier");--> statement-breakpoint
CREATE INDEX "program_transfers_created" ON "program_transfers" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "program_transfers_pending" ON "program_transfers" USING btree ("status","next_attempt_at") WHERE "program_transfers"."status" = 'pending';