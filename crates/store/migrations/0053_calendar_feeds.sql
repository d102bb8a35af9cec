-- The rota's calendar feeds: a secret address for each PA's and each
-- supported person's shifts, which a phone's calendar reads without signing
-- in. Only the hash of the secret is kept, as with every other token; a
-- feed revoked or replaced keeps its row, so that who made and ended each
-- one stays on record. One live feed per PA and per person.

CREATE TABLE calendar_feeds (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    -- Whose shifts: a PA's employment, or a supported person; exactly one.
    employment_id TEXT,
    person_id TEXT,
    token_hash TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    revoked_by TEXT REFERENCES accounts (id),
    CHECK ((employment_id IS NULL AND person_id IS NOT NULL) OR (employment_id IS NOT NULL AND person_id IS NULL)),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id),
    FOREIGN KEY (coop_id, person_id) REFERENCES supported_people (coop_id, id)
);

CREATE UNIQUE INDEX calendar_feeds_by_token ON calendar_feeds (token_hash);
CREATE UNIQUE INDEX calendar_feeds_live_pa ON calendar_feeds (coop_id, employment_id) WHERE revoked_at IS NULL AND employment_id IS NOT NULL;
CREATE UNIQUE INDEX calendar_feeds_live_person ON calendar_feeds (coop_id, person_id) WHERE revoked_at IS NULL AND person_id IS NOT NULL;

-- Each time a PA leaves a shift (taken off, cancelled, swapped, covered by
-- someone else), a row here, written by a trigger so that no way of
-- changing the rota can forget it: a PA's feed then still lists the shift,
-- marked cancelled, and their phone's calendar takes it away.
CREATE TABLE shift_pa_departures (
    coop_id TEXT NOT NULL,
    shift_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    left_at BIGINT NOT NULL,
    FOREIGN KEY (coop_id, shift_id) REFERENCES shifts (coop_id, id)
);

CREATE INDEX shift_pa_departures_by_pa ON shift_pa_departures (coop_id, employment_id, shift_id);
