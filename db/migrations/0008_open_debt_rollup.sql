-- Open debts per partner and UTC creation day, kept in step with client_debts by a trigger, so
-- the aging summary reads a few thousand rollup rows instead of every open debt. Each change
-- touches its partner's row of the day; debt changes already lock that partner's L&P account,
-- so this adds no new serialization point.
CREATE TABLE "client_debt_open_daily" (
  "partner_id" text NOT NULL,
  "day" date NOT NULL,
  "open_count" integer NOT NULL DEFAULT 0,
  "open_remaining" bigint NOT NULL DEFAULT 0,
  CONSTRAINT "client_debt_open_daily_pk" PRIMARY KEY ("partner_id", "day")
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION client_debts_open_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 0 THEN
    UPDATE client_debt_open_daily
      SET open_count = open_count - 1, open_remaining = open_remaining - OLD.remaining_amount
      WHERE partner_id = OLD.partner_id AND day = (OLD.created_at AT TIME ZONE 'UTC')::date;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 0 THEN
    INSERT INTO client_debt_open_daily (partner_id, day, open_count, open_remaining)
      VALUES (NEW.partner_id, (NEW.created_at AT TIME ZONE 'UTC')::date, 1, NEW.remaining_amount)
      ON CONFLICT (partner_id, day) DO UPDATE
      SET open_count = client_debt_open_daily.open_count + 1,
          open_remaining = client_debt_open_daily.open_remaining + EXCLUDED.open_remaining;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER client_debts_open_rollup
  AFTER INSERT OR DELETE OR UPDATE OF status, remaining_amount, created_at ON client_debts
  FOR EACH ROW EXECUTE FUNCTION client_debts_open_rollup();
--> statement-breakpoint
INSERT INTO client_debt_open_daily (partner_id, day, open_count, open_remaining)
  SELECT partner_id, (created_at AT TIME ZONE 'UTC')::date, count(*), sum(remaining_amount)
  FROM client_debts WHERE status = 0 GROUP BY 1, 2;
