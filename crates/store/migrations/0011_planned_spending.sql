-- Spending the members plan from a person's fund (a regular activity, a
-- PA's hours not yet worked): what the forecast takes off the expected
-- receipts, month by month. A plan is not money moved, so it lives apart
-- from the posted entries.
CREATE TABLE planned_spending (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    person_id TEXT NOT NULL REFERENCES supported_people (id),
    description TEXT NOT NULL CHECK (length(description) > 0),
    category TEXT NOT NULL,
    amount BIGINT NOT NULL CHECK (amount > 0),
    frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'four_weekly', 'monthly')),
    starts_on TEXT NOT NULL CHECK (length(starts_on) = 10),
    created_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL
);

CREATE INDEX planned_spending_by_person ON planned_spending (coop_id, person_id, starts_on);
