-- Proposals, their discussion, and the votes on them.
--
-- A ballot row says THAT a member voted, how the vote arrived and who
-- entered it. On an open ballot it also holds the choice. On a secret
-- ballot it never does: the choice goes into per-class counters in
-- secret_tallies, updated in the same transaction, and the row keeps only
-- a seal (a hash of the choice with a random receipt that only the voter
-- holds), so that nothing stored links a member to a choice.

CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    title TEXT NOT NULL,
    background TEXT NOT NULL,
    subject TEXT NOT NULL CHECK (subject IN ('general', 'rule_change', 'expel_member', 'wind_up', 'convert_to_company', 'informal')),
    decision_rule TEXT NOT NULL CHECK (decision_rule IN ('ordinary_resolution', 'special_resolution', 'consent')),
    secret BIGINT NOT NULL CHECK (secret IN (0, 1)),
    opens_at BIGINT NOT NULL,
    closes_at BIGINT NOT NULL,
    raised_by TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    decided_at BIGINT,
    decided_by TEXT REFERENCES accounts (id),
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('carried', 'lost', 'inquorate', 'turnout_too_low')),
    result_json TEXT,
    CHECK (closes_at > opens_at)
);

CREATE INDEX proposals_by_coop ON proposals (coop_id, created_at);

CREATE TABLE proposal_comments (
    id TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    coop_id TEXT NOT NULL REFERENCES coops (id),
    author TEXT NOT NULL REFERENCES accounts (id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX proposal_comments_by_proposal ON proposal_comments (proposal_id, created_at);

CREATE TABLE ballots (
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    member_account_id TEXT NOT NULL REFERENCES accounts (id),
    coop_id TEXT NOT NULL REFERENCES coops (id),
    class TEXT NOT NULL CHECK (class IN ('supported_person', 'representative', 'family_or_carer', 'pa', 'supporter')),
    channel TEXT NOT NULL CHECK (channel IN ('online', 'assisted', 'paper', 'proxy')),
    recorded_by TEXT NOT NULL REFERENCES accounts (id),
    choice TEXT CHECK (choice IS NULL OR choice IN ('for', 'against', 'abstain')),
    seal TEXT,
    cast_at BIGINT NOT NULL,
    -- An open ballot holds its choice and no seal; a secret one the reverse.
    CHECK ((choice IS NULL) <> (seal IS NULL))
);

-- One member, one vote, whatever way it arrives: the database itself
-- refuses a second ballot from the same member on the same proposal.
CREATE UNIQUE INDEX ballots_one_per_member ON ballots (proposal_id, member_account_id);

CREATE TABLE secret_tallies (
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    class TEXT NOT NULL CHECK (class IN ('supported_person', 'representative', 'family_or_carer', 'pa', 'supporter')),
    choice TEXT NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
    votes BIGINT NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (proposal_id, class, choice)
);
