-- The ledger entries a pay run made: one per payslip when the run was
-- approved (wages and employer costs charged to the supported people's
-- funds, and what is owed to the PAs, HMRC and the pension scheme), and
-- one per payee when the co-operative recorded paying them. Like the
-- ledger itself, nothing here changes or goes away: a wrong payment is
-- reversed in the ledger.

CREATE TABLE pay_run_entries (
    entry_id TEXT PRIMARY KEY REFERENCES ledger_entries (id),
    coop_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    -- 'pay' for a payslip's entry; 'pas', 'hmrc' or 'pension' for a payment.
    purpose TEXT NOT NULL CHECK (purpose IN ('pay', 'pas', 'hmrc', 'pension')),
    employment_id TEXT,
    created_at BIGINT NOT NULL,
    CHECK ((purpose = 'pay') = (employment_id IS NOT NULL)),
    FOREIGN KEY (coop_id, run_id) REFERENCES pay_runs (coop_id, id)
);

CREATE INDEX pay_run_entries_by_run ON pay_run_entries (coop_id, run_id);
-- Each payslip is posted once, and each payee paid once a run.
CREATE UNIQUE INDEX pay_run_entries_payslip_once ON pay_run_entries (coop_id, run_id, employment_id)
    WHERE purpose = 'pay';
CREATE UNIQUE INDEX pay_run_entries_paid_once ON pay_run_entries (coop_id, run_id, purpose)
    WHERE purpose <> 'pay';
