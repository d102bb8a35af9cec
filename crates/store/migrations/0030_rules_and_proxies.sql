-- The co-operative's rules, version by version, and proxy appointments.
--
-- A rule version is never changed: the first records the rules as
-- registered; every later one comes from a carried special resolution and
-- names it. The current rules are the highest version; with none recorded
-- the model rules apply.

CREATE TABLE rule_versions (
    coop_id TEXT NOT NULL REFERENCES coops (id),
    version BIGINT NOT NULL CHECK (version >= 1),
    rules_json TEXT NOT NULL,
    adopted_on TEXT NOT NULL,
    proposal_id TEXT REFERENCES proposals (id),
    recorded_by TEXT NOT NULL REFERENCES accounts (id),
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (coop_id, version),
    -- Only the first version may come without a resolution.
    CHECK (version = 1 OR proposal_id IS NOT NULL)
);

-- The rules a rule-change proposal would adopt if carried.
CREATE TABLE proposed_rules (
    proposal_id TEXT PRIMARY KEY REFERENCES proposals (id),
    coop_id TEXT NOT NULL REFERENCES coops (id),
    rules_json TEXT NOT NULL
);

-- A member's proxy on one proposal: the holder may cast the member's vote.
-- Revoking keeps the row; at most one live appointment per member.
CREATE TABLE proxy_appointments (
    id TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    coop_id TEXT NOT NULL REFERENCES coops (id),
    member_account_id TEXT NOT NULL REFERENCES accounts (id),
    holder_account_id TEXT NOT NULL REFERENCES accounts (id),
    appointed_at BIGINT NOT NULL,
    revoked_at BIGINT,
    CHECK (member_account_id <> holder_account_id)
);

CREATE INDEX proxy_appointments_by_proposal ON proxy_appointments (proposal_id, holder_account_id);

CREATE UNIQUE INDEX proxy_appointments_one_live ON proxy_appointments (proposal_id, member_account_id) WHERE revoked_at IS NULL;
