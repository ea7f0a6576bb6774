-- Follow-up list sorted by remaining amount, keyset on (remaining_amount, seq).
CREATE INDEX IF NOT EXISTS "client_debts_remaining" ON "client_debts" USING btree ("partner_id", "remaining_amount", "seq");
--> statement-breakpoint
-- Totals and aging of a partner's debts by status and date, answered from the index alone.
CREATE INDEX IF NOT EXISTS "client_debts_totals" ON "client_debts" USING btree ("partner_id", "status", "created_at")
  INCLUDE ("reason", "debt_amount", "remaining_amount", "assignee_id");
