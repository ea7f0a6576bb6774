-- The rollup trigger looks each entry's account and journal transaction up by primary key.
-- Joining the transition table (whose size the planner cannot know) let it pick a scan of the
-- partner's whole journal per entry once the statistics went stale: 34 ms per batch of P2P
-- payments at 3,000 transactions, growing with the journal. A lateral primary-key lookup per
-- entry (LIMIT 1 keeps the planner from flattening it back into a join) costs the same at any size.
CREATE OR REPLACE FUNCTION journal_entries_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One pass over the statement's entries feeds both rollups.
  WITH e AS (
    SELECT n.partner_id, n.id, n.amount, n.currency, n.balance_after, n.account_id, n.transaction_id,
           (n.created_at AT TIME ZONE 'UTC')::date AS day, a.kind AS account_kind, a.is_hot,
           t.kind AS txn_kind, CASE WHEN t.kind = 'debt_recovery' THEN coalesce(t.metadata->>'source', '') ELSE '' END AS detail,
           min(n.id) OVER (PARTITION BY n.partner_id, n.transaction_id) AS first_id
    FROM new_entries n
    CROSS JOIN LATERAL (SELECT a.kind, a.is_hot FROM accounts a WHERE a.partner_id = n.partner_id AND a.id = n.account_id LIMIT 1) a
    CROSS JOIN LATERAL (SELECT t.kind, t.metadata FROM journal_transactions t WHERE t.partner_id = n.partner_id AND t.id = n.transaction_id LIMIT 1) t
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
