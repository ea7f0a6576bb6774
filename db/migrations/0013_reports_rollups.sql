CREATE TABLE "account_daily_balances" (
	"partner_id" text NOT NULL,
	"account_id" text NOT NULL,
	"day" date NOT NULL,
	"closing_balance" bigint NOT NULL,
	"last_entry_id" bigint NOT NULL,
	"first_entry_id" bigint NOT NULL,
	CONSTRAINT "account_daily_balances_pk" PRIMARY KEY("partner_id","account_id","day")
);
--> statement-breakpoint
CREATE TABLE "ledger_daily_movements" (
	"partner_id" text NOT NULL,
	"day" date NOT NULL,
	"account_kind" "account_kind" NOT NULL,
	"currency" char(3) NOT NULL,
	"txn_kind" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"slot" smallint DEFAULT 0 NOT NULL,
	"credits" bigint DEFAULT 0 NOT NULL,
	"debits" bigint DEFAULT 0 NOT NULL,
	"entries" integer DEFAULT 0 NOT NULL,
	"transactions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_daily_movements_pk" PRIMARY KEY("partner_id","day","account_kind","currency","txn_kind","detail","slot")
);
--> statement-breakpoint
CREATE INDEX "ledger_daily_movements_kind" ON "ledger_daily_movements" USING btree ("partner_id","account_kind","day");