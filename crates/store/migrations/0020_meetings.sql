-- Meetings of the members (the AGM and other general meetings) and of the
-- committee: the notice and to whom it went, who came, and the minutes.
--
-- Dates are the day in Wales (YYYY-MM-DD) and times the clock time there
-- (HH:MM), as notice periods are counted in whole days. Once a meeting's
-- minutes are approved and locked its record never changes: the triggers
-- in the per-dialect files refuse it whatever the application does.

CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    kind TEXT NOT NULL CHECK (kind IN ('annual_general', 'general', 'committee')),
    held_on TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    place TEXT NOT NULL,
    agenda_json TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('scheduled', 'notice_sent', 'held', 'minutes_drafted', 'minutes_approved', 'locked', 'cancelled')),
    -- The governance rules' own record of the meeting's state: the notice
    -- check, the quorum when held, where and when the minutes were approved.
    state_json TEXT NOT NULL,
    minutes TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX meetings_by_coop ON meetings (coop_id, held_on);

-- Proposals to be decided at the meeting; votes given there are entered
-- as ballots on the proposal, one per member whatever way they came.
CREATE TABLE meeting_proposals (
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    PRIMARY KEY (meeting_id, proposal_id)
);

-- Everyone the notice went to, in the language it was written in.
CREATE TABLE meeting_notices (
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    email TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('en', 'cy')),
    sent_on TEXT NOT NULL,
    PRIMARY KEY (meeting_id, account_id)
);

CREATE TABLE meeting_attendance (
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    attendance TEXT NOT NULL CHECK (attendance IN ('present', 'apologies', 'absent', 'by_proxy')),
    proxy_holder TEXT REFERENCES accounts (id),
    recorded_by TEXT NOT NULL REFERENCES accounts (id),
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (meeting_id, account_id),
    CHECK ((attendance = 'by_proxy') = (proxy_holder IS NOT NULL))
);
