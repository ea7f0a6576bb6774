CREATE TYPE "public"."debt_reason" AS ENUM('P2P', 'CardOperation', 'JRI');--> statement-breakpoint
CREATE TABLE "client_debt_events" (
	"partner_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"debt_id" text NOT NULL,
	"type" text NOT NULL,
	"amount" bigint,
	"source" text,
	"transaction_id" text,
	"actor_id" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_debt_events_partner_id_id_pk" PRIMARY KEY("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "client_debts" (
	"partner_id" text NOT NULL,
	"id" text NOT NULL,
	"seq" bigserial NOT NULL,
	"order_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"account_id" text NOT NULL,
	"reason" "debt_reason" NOT NULL,
	"origin_amount" bigint NOT NULL,
	"debt_amount" bigint NOT NULL,
	"remaining_amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"status" smallint DEFAULT 0 NOT NULL,
	"origin_transaction_id" text NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_debts_partner_id_id_pk" PRIMARY KEY("partner_id","id"),
	CONSTRAINT "client_debts_status" CHECK ("client_debts"."status" in (0, 1, 2)),
	CONSTRAINT "client_debts_amounts" CHECK ("client_debts"."debt_amount" > 0 and "client_debts"."remaining_amount" >= 0 and "client_debts"."remaining_amount" <= "client_debts"."debt_amount")
);
--> statement-breakpoint
ALTER TABLE "client_debt_events" ADD CONSTRAINT "client_debt_events_partner_id_debt_id_client_debts_partner_id_id_fk" FOREIGN KEY ("partner_id","debt_id") REFERENCES "public"."client_debts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_debts" ADD CONSTRAINT "client_debts_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_debts" ADD CONSTRAINT "client_debts_partner_id_account_id_accounts_partner_id_id_fk" FOREIGN KEY ("partner_id","account_id") REFERENCES "public"."accounts"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_debt_events_debt" ON "client_debt_events" USING btree ("partner_id","debt_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_debts_order_id" ON "client_debts" USING btree ("partner_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_debts_seq" ON "client_debts" USING btree ("partner_id","seq");--> statement-breakpoint
CREATE INDEX "client_debts_list" ON "client_debts" USING btree ("partner_id","status","seq");--> statement-breakpoint
CREATE INDEX "client_debts_customer" ON "client_debts" USING btree ("partner_id","customer_id","seq");--> statement-breakpoint
CREATE INDEX "client_debts_open_by_account" ON "client_debts" USING btree ("partner_id","account_id","seq") WHERE "client_debts"."status" = 0;