-- What the officers mean to spend from each fund, by category, over a
-- period they choose (usually the financial year). A budget is a plan, not
-- money moved: it is set and set again (each change audited), and reports
-- compare it with the posted entries.
CREATE TABLE ledger_budgets (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    -- '' for the co-operative's general fund, else the supported person's
    -- id, repeated in person_id so the database checks that it exists.
    fund_key TEXT NOT NULL,
    person_id TEXT REFERENCES supported_people (id),
    category TEXT NOT NULL,
    starts_on TEXT NOT NULL CHECK (length(starts_on) = 10),
    ends_on TEXT NOT NULL CHECK (length(ends_on) = 10 AND ends_on >= starts_on),
    amount BIGINT NOT NULL CHECK (amount >= 0),
    set_by TEXT REFERENCES accounts (id),
    set_at BIGINT NOT NULL,
    CHECK ((fund_key = '' AND person_id IS NULL) OR fund_key = person_id)
);

CREATE UNIQUE INDEX ledger_budgets_one_per_fund_category_period
    ON ledger_budgets (coop_id, fund_key, category, starts_on, ends_on);
