-- The rota's shifts: one row for each PA's place on the rota (a call that
-- needs two PAs is two rows), the supported people it is for, and the
-- signed opt-outs of the 48-hour average that the working-time rules read.
-- A shift is never deleted: a cancelled one keeps its row, and when a PA is
-- taken off it because a check ran out, who and why are kept on it for the
-- rota's explanation.
--
-- Times are kept twice: as the local wall-clock times people planned them
-- in (Europe/London, YYYY-MM-DDTHH:MM), and as instants in milliseconds for
-- ordering and ranges, so that a night across a clock change is as long as
-- it really is.

CREATE TABLE shifts (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    starts_local TEXT NOT NULL CHECK (length(starts_local) = 16),
    ends_local TEXT NOT NULL CHECK (length(ends_local) = 16),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('day', 'night', 'sleep_in', 'waking_night')),
    break_minutes BIGINT NOT NULL CHECK (break_minutes >= 0),
    employment_id TEXT,
    -- The PA taken off the shift by Cylch, and the codes of why.
    taken_off_employment_id TEXT,
    taken_off_reasons TEXT,
    taken_off_at BIGINT,
    cancelled_at BIGINT,
    created_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK ((taken_off_employment_id IS NULL) = (taken_off_reasons IS NULL)),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id),
    FOREIGN KEY (coop_id, taken_off_employment_id) REFERENCES employments (coop_id, id)
);

CREATE UNIQUE INDEX shifts_coop_id ON shifts (coop_id, id);
CREATE INDEX shifts_by_time ON shifts (coop_id, starts_at);
CREATE INDEX shifts_by_pa ON shifts (coop_id, employment_id, starts_at);
-- What the daily sweep reads: the shifts to come that have a PA.
CREATE INDEX shifts_staffed_by_time ON shifts (starts_at, coop_id) WHERE employment_id IS NOT NULL;

CREATE TABLE shift_people (
    coop_id TEXT NOT NULL,
    shift_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    PRIMARY KEY (shift_id, person_id),
    FOREIGN KEY (coop_id, shift_id) REFERENCES shifts (coop_id, id),
    FOREIGN KEY (coop_id, person_id) REFERENCES supported_people (coop_id, id)
);

CREATE INDEX shift_people_by_person ON shift_people (coop_id, person_id);

CREATE TABLE working_time_opt_outs (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    signed_on TEXT NOT NULL CHECK (length(signed_on) = 10),
    -- A PA may withdraw with notice (reg. 5(2)); NULL while it stands.
    withdrawn_on TEXT CHECK (withdrawn_on IS NULL OR length(withdrawn_on) = 10),
    recorded_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE INDEX working_time_opt_outs_by_pa ON working_time_opt_outs (coop_id, employment_id);
