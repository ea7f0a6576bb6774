-- Rollups for the loss-and-profit report and the overview, kept in step with journal_entries by a
-- statement-level trigger: one run per INSERT statement, aggregating its transition table, so a
-- batch of P2P payments written in one statement costs one small upsert, not one per entry.
-- Journal entries are never updated or deleted, so INSERT is the only event. `transactions`
-- counts each journal transaction once, in the group of its first entry (all of a transaction's
-- entries are written by one statement), so summing it over groups gives exact counts.
CREATE OR REPLACE FUNCTION journal_entries_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One pass over the statement's entries feeds both rollups.
  WITH e AS (
    SELECT n.partner_id, n.id, n.amount, n.currency, n.balance_after, n.account_id, n.transaction_id,
           (n.created_at AT TIME ZONE 'UTC')::date AS day, a.kind AS account_kind, a.is_hot,
           t.kind AS txn_kind, CASE WHEN t.kind = 'debt_recovery' THEN coalesce(t.metadata->>'source', '') ELSE '' END AS detail,
           min(n.id) OVER (PARTITION BY n.partner_id, n.transaction_id) AS first_id
    FROM new_entries n
    JOIN accounts a ON a.partner_id = n.partner_id AND a.id = n.account_id
    JOIN journal_transactions t ON t.partner_id = n.partner_id AND t.id = n.transaction_id
  ), movements AS (
    INSERT INTO ledger_daily_movements AS m
        (partner_id, day, account_kind, currency, txn_kind, detail, slot, credits, debits, entries, transactions)
      SELECT partner_id, day, account_kind, currency, txn_kind, detail, (pg_backend_pid() % 64)::smallint,
             sum(greatest(amount, 0)), sum(least(amount, 0)), count(*), count(*) FILTER (WHERE id = first_id)
      FROM e
      GROUP BY 1, 2, 3, 4, 5, 6
      ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (partner_id, day, account_kind, currency, txn_kind, detail, slot) DO UPDATE
        SET credits = m.credits + EXCLUDED.credits,
            debits = m.debits + EXCLUDED.debits,
            entries = m.entries + EXCLUDED.entries,
            transactions = m.transactions + EXCLUDED.transactions
      RETURNING 1
  )
  -- Partner (hot) accounts: each day's closing balance is the sum of every entry dated up to that
  -- day, so an entry dated in the past (a back-dated seed, an import) also moves the later days'
  -- closings; a live posting is dated today and touches only today's row. Those accounts are
  -- locked by the posting already, so these rows add no serialization point.
  , days AS (
    SELECT partner_id, account_id, day, sum(amount) AS delta, max(id) AS last_id, min(id) AS first_id
    FROM e WHERE is_hot GROUP BY 1, 2, 3
  ), shifted AS (
    UPDATE account_daily_balances b
      SET closing_balance = b.closing_balance + d.delta,
          last_entry_id = CASE WHEN b.day = d.day THEN greatest(b.last_entry_id, d.last_id) ELSE b.last_entry_id END,
          first_entry_id = CASE WHEN b.day = d.day THEN least(b.first_entry_id, d.first_id) ELSE b.first_entry_id END
      FROM days d
      WHERE b.partner_id = d.partner_id AND b.account_id = d.account_id AND b.day >= d.day
      RETURNING 1
  )
  INSERT INTO account_daily_balances (partner_id, account_id, day, closing_balance, last_entry_id, first_entry_id)
    SELECT d.partner_id, d.account_id, d.day,
           coalesce((SELECT p.closing_balance FROM account_daily_balances p
                     WHERE p.partner_id = d.partner_id AND p.account_id = d.account_id AND p.day < d.day
                     ORDER BY p.day DESC LIMIT 1), 0) + d.delta,
           d.last_id, d.first_id
    FROM days d
    WHERE NOT EXISTS (SELECT 1 FROM account_daily_balances x WHERE x.partner_id = d.partner_id AND x.account_id = d.account_id AND x.day = d.day);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER journal_entries_rollup
  AFTER INSERT ON journal_entries
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION journal_entries_rollup();
--> statement-breakpoint
-- Backfill from the entries already written (also used after a bulk load with the trigger off).
CREATE OR REPLACE FUNCTION rebuild_ledger_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ledger_daily_movements;
  DELETE FROM account_daily_balances;
  INSERT INTO ledger_daily_movements (partner_id, day, account_kind, currency, txn_kind, detail, slot, credits, debits, entries, transactions)
    SELECT e.partner_id, (e.created_at AT TIME ZONE 'UTC')::date, a.kind, e.currency, t.kind,
           CASE WHEN t.kind = 'debt_recovery' THEN coalesce(t.metadata->>'source', '') ELSE '' END, 0,
           sum(greatest(e.amount, 0)), sum(least(e.amount, 0)), count(*), count(*) FILTER (WHERE e.id = e.first_id)
    FROM (SELECT n.*, min(n.id) OVER (PARTITION BY n.partner_id, n.transaction_id) AS first_id FROM journal_entries n) e
    JOIN accounts a ON a.partner_id = e.partner_id AND a.id = e.account_id
    JOIN journal_transactions t ON t.partner_id = e.partner_id AND t.id = e.transaction_id
    GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO account_daily_balances (partner_id, account_id, day, closing_balance, last_entry_id, first_entry_id)
    SELECT partner_id, account_id, day, sum(delta) OVER (PARTITION BY partner_id, account_id ORDER BY day), last_id, first_id
    FROM (
      SELECT e.partner_id, e.account_id, (e.created_at AT TIME ZONE 'UTC')::date AS day, sum(e.amount) AS delta, max(e.id) AS last_id, min(e.id) AS first_id
      FROM journal_entries e
      JOIN accounts a ON a.partner_id = e.partner_id AND a.id = e.account_id AND a.is_hot
      GROUP BY 1, 2, 3) d;
END;
$$;
--> statement-breakpoint
SELECT rebuild_ledger_rollups();
--> statement-breakpoint
-- Write-offs (and their reopening) by time, for the L&P report.
CREATE INDEX IF NOT EXISTS client_debt_events_status_at ON client_debt_events (at) WHERE type IN ('written_off', 'status_changed');
--> statement-breakpoint
-- Failed webhook deliveries, for the overview's KPI (a small partial index: only failures enter it).
CREATE INDEX IF NOT EXISTS webhook_deliveries_failed ON webhook_deliveries (partner_id, created_at) WHERE status = 'failed';
