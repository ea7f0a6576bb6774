CREATE TYPE "public"."write_off_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "write_off_requests" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"debt_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" "write_off_status" DEFAULT 'pending' NOT NULL,
	"requested_by" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "write_off_requests_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_debts" ADD COLUMN "assignee_id" text;--> statement-breakpoint
ALTER TABLE "client_debts" ADD COLUMN "next_follow_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "client_debts" ADD COLUMN "promise_amount" bigint;--> statement-breakpoint
ALTER TABLE "client_debts" ADD COLUMN "promise_date" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "client_debts" ADD COLUMN "promise_status" text;--> statement-breakpoint
ALTER TABLE "client_debts" ADD COLUMN "promise_made_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "write_off_requests" ADD CONSTRAINT "write_off_requests_partner_id_debt_id_client_debts_partner_id_id_fk" FOREIGN KEY ("partner_id","debt_id") REFERENCES "public"."client_debts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "write_off_requests_one_pending" ON "write_off_requests" USING btree ("partner_id","debt_id") WHERE "write_off_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "write_off_requests_status" ON "write_off_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "client_debts_worklist" ON "client_debts" USING btree ("assignee_id","next_follow_up_at") WHERE "client_debts"."status" = 0;--> statement-breakpoint
CREATE INDEX "client_debts_created" ON "client_debts" USING btree ("partner_id","created_at");