-- Already created by 0008 (with its trigger); kept so the schema snapshot knows the table.
CREATE TABLE IF NOT EXISTS "client_debt_open_daily" (
	"partner_id" text NOT NULL,
	"day" date NOT NULL,
	"open_count" integer DEFAULT 0 NOT NULL,
	"open_remaining" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "client_debt_open_daily_pk" PRIMARY KEY("partner_id","day")
);
