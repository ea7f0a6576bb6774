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
  -- Partner (hot) accounts: the day's closing balance is the balance after its last entry. Those
  -- accounts are locked by the posting already, so these rows add no serialization point.
  INSERT INTO account_daily_balances AS b (partner_id, account_id, day, closing_balance, last_entry_id, first_entry_id)
    SELECT DISTINCT ON (partner_id, account_id, day)
           partner_id, account_id, day, balance_after, id, min(id) OVER (PARTITION BY partner_id, account_id, day)
    FROM e WHERE is_hot
    ORDER BY partner_id, account_id, day, id DESC
    ON CONFLICT (partner_id, account_id, day) DO UPDATE
      SET closing_balance = CASE WHEN EXCLUDED.last_entry_id > b.last_entry_id THEN EXCLUDED.closing_balance ELSE b.closing_balance END,
          last_entry_id = greatest(b.last_entry_id, EXCLUDED.last_entry_id),
          first_entry_id = least(b.first_entry_id, EXCLUDED.first_entry_id);
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
    SELECT DISTINCT ON (e.partner_id, e.account_id, (e.created_at AT TIME ZONE 'UTC')::date)
           e.partner_id, e.account_id, (e.created_at AT TIME ZONE 'UTC')::date, e.balance_after, e.id,
           min(e.id) OVER (PARTITION BY e.partner_id, e.account_id, (e.created_at AT TIME ZONE 'UTC')::date)
    FROM journal_entries e
    JOIN accounts a ON a.partner_id = e.partner_id AND a.id = e.account_id AND a.is_hot
    ORDER BY e.partner_id, e.account_id, (e.created_at AT TIME ZONE 'UTC')::date, e.id DESC;
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
