ALTER TYPE "public"."bulk_item_status" ADD VALUE 'done';--> statement-breakpoint
ALTER TYPE "public"."bulk_kind" ADD VALUE 'debt_assign';--> statement-breakpoint
ALTER TYPE "public"."bulk_kind" ADD VALUE 'debt_recover';--> statement-breakpoint
ALTER TYPE "public"."bulk_kind" ADD VALUE 'debt_write_off';--> statement-breakpoint
ALTER TABLE "bulk_operations" ADD COLUMN "done" integer DEFAULT 0 NOT NULL;