-- What members are told: a new proposal, a vote closing within a day, a
-- meeting's notice, a result. Each is shown on the member's home page and,
-- if they chose to hear of that kind by email, sent once by whichever app
-- server claims it first (emailed_at is set by the claim).

CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('new_proposal', 'vote_closing', 'meeting_notice', 'result')),
    -- The proposal or meeting it is about.
    subject_id TEXT NOT NULL,
    -- A proposal's title; for a meeting, its kind and date.
    title TEXT NOT NULL,
    meeting_kind TEXT,
    meeting_date TEXT,
    created_at BIGINT NOT NULL,
    read_at BIGINT,
    email_wanted BIGINT NOT NULL CHECK (email_wanted IN (0, 1)),
    emailed_at BIGINT
);

-- Each member hears of each thing once, however many servers notice it.
CREATE UNIQUE INDEX notifications_once ON notifications (account_id, kind, subject_id);
CREATE INDEX notifications_by_account ON notifications (account_id, created_at);
CREATE INDEX notifications_to_email ON notifications (email_wanted, emailed_at);

-- A member's choice, per co-operative and kind, of hearing by email. No
-- row means yes.
CREATE TABLE notification_settings (
    coop_id TEXT NOT NULL REFERENCES coops (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('new_proposal', 'vote_closing', 'meeting_notice', 'result')),
    email BIGINT NOT NULL CHECK (email IN (0, 1)),
    PRIMARY KEY (coop_id, account_id, kind)
);
