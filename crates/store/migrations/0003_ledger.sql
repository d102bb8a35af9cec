-- The books of a co-operative whose members pool their Direct Payments.
-- Money is BIGINT pence. A journal entry and its lines are written once, in
-- one transaction, and never changed or deleted: the dialect files add
-- triggers refusing UPDATE and DELETE, so a correction can only be a
-- reversal plus a new entry. The chart of accounts is the ledger crate's
-- standard chart; lines name accounts by code.

CREATE TABLE ledger_settings (
    coop_id TEXT PRIMARY KEY REFERENCES coops (id),
    two_officer_limit BIGINT NOT NULL CHECK (two_officer_limit >= 0),
    surplus_weeks BIGINT NOT NULL CHECK (surplus_weeks > 0),
    updated_at BIGINT NOT NULL
);

CREATE TABLE ledger_entries (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    entry_date TEXT NOT NULL CHECK (length(entry_date) = 10),
    description TEXT NOT NULL,
    -- A shared cost's rule and whole amount (the ledger crate's Allocation
    -- as JSON), so every member it touches can see how their share was
    -- worked out.
    allocation_json TEXT,
    -- Set on a reversal. Unique: an entry is reversed at most once, even
    -- when two officers reverse it at the same moment.
    reverses TEXT UNIQUE REFERENCES ledger_entries (id),
    posted_by TEXT REFERENCES accounts (id),
    posted_at BIGINT NOT NULL
);

CREATE INDEX ledger_entries_by_coop ON ledger_entries (coop_id, entry_date, posted_at);

CREATE TABLE ledger_lines (
    entry_id TEXT NOT NULL REFERENCES ledger_entries (id),
    line_no BIGINT NOT NULL CHECK (line_no > 0),
    coop_id TEXT NOT NULL REFERENCES coops (id),
    account_code TEXT NOT NULL,
    -- NULL is the co-operative's general fund; otherwise the supported
    -- person whose restricted Direct Payment fund this is.
    fund_person_id TEXT REFERENCES supported_people (id),
    side TEXT NOT NULL CHECK (side IN ('debit', 'credit')),
    amount BIGINT NOT NULL CHECK (amount > 0),
    PRIMARY KEY (entry_id, line_no)
);

CREATE INDEX ledger_lines_by_coop_fund ON ledger_lines (coop_id, fund_person_id);

CREATE TABLE dp_arrangements (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    person_id TEXT NOT NULL REFERENCES supported_people (id),
    council TEXT NOT NULL,
    amount BIGINT NOT NULL CHECK (amount > 0),
    frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'four_weekly', 'monthly')),
    starts_on TEXT NOT NULL CHECK (length(starts_on) = 10),
    ends_on TEXT CHECK (ends_on IS NULL OR length(ends_on) = 10),
    contribution_amount BIGINT CHECK (contribution_amount IS NULL OR contribution_amount > 0),
    contribution_frequency TEXT CHECK (contribution_frequency IS NULL OR contribution_frequency IN ('weekly', 'four_weekly', 'monthly')),
    contribution_starts_on TEXT CHECK (contribution_starts_on IS NULL OR length(contribution_starts_on) = 10),
    contribution_ends_on TEXT CHECK (contribution_ends_on IS NULL OR length(contribution_ends_on) = 10),
    created_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    CHECK ((contribution_amount IS NULL) = (contribution_frequency IS NULL)),
    CHECK ((contribution_amount IS NULL) = (contribution_starts_on IS NULL))
);

CREATE INDEX dp_arrangements_by_person ON dp_arrangements (coop_id, person_id, starts_on);

-- A claim's fields never change once made (approvals given to one amount
-- must not carry over to another), so claims, approvals and payments are
-- separate rows, each written once.
CREATE TABLE payment_claims (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    claimant_account_id TEXT NOT NULL REFERENCES accounts (id),
    amount BIGINT NOT NULL CHECK (amount > 0),
    category TEXT NOT NULL CHECK (category IN ('pa_wages', 'employer_costs', 'activities', 'equipment', 'training', 'insurance', 'admin')),
    description TEXT NOT NULL,
    -- Whose fund pays (the ledger crate's ChargeTo as JSON, a split rule
    -- included), decided when the claim is made so approvers see it.
    charge_to_json TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX payment_claims_by_coop ON payment_claims (coop_id, created_at);

CREATE TABLE claim_approvals (
    claim_id TEXT NOT NULL REFERENCES payment_claims (id),
    approver_account_id TEXT NOT NULL REFERENCES accounts (id),
    position BIGINT NOT NULL CHECK (position > 0),
    approved_at BIGINT NOT NULL,
    PRIMARY KEY (claim_id, approver_account_id),
    UNIQUE (claim_id, position)
);

CREATE TABLE claim_payments (
    claim_id TEXT PRIMARY KEY REFERENCES payment_claims (id),
    entry_id TEXT NOT NULL UNIQUE REFERENCES ledger_entries (id)
);

CREATE TABLE bank_imports (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    layout TEXT NOT NULL,
    lines_in_file BIGINT NOT NULL CHECK (lines_in_file >= 0),
    lines_added BIGINT NOT NULL CHECK (lines_added >= 0),
    imported_by TEXT REFERENCES accounts (id),
    imported_at BIGINT NOT NULL
);

CREATE TABLE bank_lines (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    import_id TEXT NOT NULL REFERENCES bank_imports (id),
    file_line BIGINT NOT NULL,
    line_date TEXT NOT NULL CHECK (length(line_date) = 10),
    description TEXT NOT NULL,
    amount BIGINT NOT NULL,
    balance BIGINT,
    fingerprint TEXT NOT NULL
);

-- The same file, or an overlapping later export, adds only lines not seen
-- before: the co-operative has one bank account, so its fingerprints are
-- unique within the co-operative.
CREATE UNIQUE INDEX bank_lines_fingerprint ON bank_lines (coop_id, fingerprint);

CREATE TABLE bank_matches (
    bank_line_id TEXT PRIMARY KEY REFERENCES bank_lines (id),
    entry_id TEXT NOT NULL UNIQUE REFERENCES ledger_entries (id),
    matched_by TEXT REFERENCES accounts (id),
    matched_at BIGINT NOT NULL
);
