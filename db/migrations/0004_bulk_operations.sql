CREATE TYPE "public"."bulk_item_status" AS ENUM('pending', 'sent', 'debt_created', 'refused');--> statement-breakpoint
CREATE TYPE "public"."bulk_kind" AS ENUM('billing');--> statement-breakpoint
CREATE TYPE "public"."bulk_status" AS ENUM('queued', 'running', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "bulk_operation_items" (
	"partner_id" text NOT NULL,
	"bulk_id" text NOT NULL,
	"index" integer NOT NULL,
	"order_id" text NOT NULL,
	"request" jsonb NOT NULL,
	"status" "bulk_item_status" DEFAULT 'pending' NOT NULL,
	"result" jsonb,
	"processed_at" timestamp with time zone,
	CONSTRAINT "bulk_operation_items_partner_id_bulk_id_index_pk" PRIMARY KEY("partner_id","bulk_id","index")
);
--> statement-breakpoint
CREATE TABLE "bulk_operations" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" "bulk_kind" NOT NULL,
	"status" "bulk_status" DEFAULT 'queued' NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"debts_created" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"source" text NOT NULL,
	"created_by" text NOT NULL,
	"created_by_role" text NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "bulk_operations_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
ALTER TABLE "bulk_operation_items" ADD CONSTRAINT "bulk_operation_items_partner_id_bulk_id_bulk_operations_partner_id_id_fk" FOREIGN KEY ("partner_id","bulk_id") REFERENCES "public"."bulk_operations"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_operations" ADD CONSTRAINT "bulk_operations_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_operation_items_pending" ON "bulk_operation_items" USING btree ("partner_id","bulk_id","index") WHERE "bulk_operation_items"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "bulk_operations_created" ON "bulk_operations" USING btree ("partner_id","created_at");