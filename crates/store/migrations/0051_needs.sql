-- Each supported person's needs as the rota plans from them: their support
-- as routines (a call on chosen weekdays at set times, how many PAs, the
-- skills it takes), dated exceptions to those routines, and the person's
-- choices about who supports them (the Active Offer of Welsh, PAs they
-- prefer and PAs they do not want).
--
-- Times are local wall-clock times in Wales (HH:MM), as people plan them; an
-- end at or before the start is the next morning. Weekdays are written as
-- the digits of ISO weekdays, Monday 1 to Sunday 7 ('12345' is Monday to
-- Friday). A routine is never deleted: ending one keeps it, with the last
-- day it was needed, so the history of a person's support stays readable.

CREATE TABLE need_preferences (
    coop_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    welsh TEXT NOT NULL CHECK (welsh IN ('none', 'preferred', 'required')),
    updated_by TEXT REFERENCES accounts (id),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (coop_id, person_id),
    FOREIGN KEY (coop_id, person_id) REFERENCES supported_people (coop_id, id)
);

-- PAs a person prefers, or does not want at all.
CREATE TABLE need_pa_choices (
    coop_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    choice TEXT NOT NULL CHECK (choice IN ('preferred', 'not_wanted')),
    PRIMARY KEY (coop_id, person_id, employment_id),
    FOREIGN KEY (coop_id, person_id) REFERENCES supported_people (coop_id, id),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE TABLE need_routines (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    call_kind TEXT NOT NULL CHECK (call_kind IN ('morning', 'lunch', 'tea', 'bed', 'sleep_in', 'waking_night', 'community')),
    weekdays TEXT NOT NULL CHECK (length(weekdays) BETWEEN 1 AND 7),
    starts TEXT NOT NULL CHECK (length(starts) = 5),
    ends TEXT NOT NULL CHECK (length(ends) = 5),
    pas_required BIGINT NOT NULL CHECK (pas_required BETWEEN 1 AND 4),
    -- Codes separated by commas; empty for none.
    skills TEXT NOT NULL,
    starts_on TEXT NOT NULL CHECK (length(starts_on) = 10),
    -- The last day the routine was needed; NULL while it runs.
    ended_on TEXT CHECK (ended_on IS NULL OR length(ended_on) = 10),
    created_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE UNIQUE INDEX need_routines_coop_id ON need_routines (coop_id, id);

-- The people a routine supports: more than one is a shared session, where
-- one PA supports them together.
CREATE TABLE need_routine_people (
    coop_id TEXT NOT NULL,
    routine_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    PRIMARY KEY (routine_id, person_id),
    FOREIGN KEY (coop_id, routine_id) REFERENCES need_routines (coop_id, id),
    FOREIGN KEY (coop_id, person_id) REFERENCES supported_people (coop_id, id)
);

CREATE INDEX need_routine_people_by_person ON need_routine_people (coop_id, person_id);

-- A date on which a person's support differs from their routines: a routine
-- not needed that day ('skip'), or an extra call ('extra').
CREATE TABLE need_exceptions (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    on_date TEXT NOT NULL CHECK (length(on_date) = 10),
    kind TEXT NOT NULL CHECK (kind IN ('skip', 'extra')),
    routine_id TEXT,
    call_kind TEXT CHECK (call_kind IS NULL OR call_kind IN ('morning', 'lunch', 'tea', 'bed', 'sleep_in', 'waking_night', 'community')),
    starts TEXT CHECK (starts IS NULL OR length(starts) = 5),
    ends TEXT CHECK (ends IS NULL OR length(ends) = 5),
    pas_required BIGINT CHECK (pas_required IS NULL OR pas_required BETWEEN 1 AND 4),
    skills TEXT,
    created_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    -- Taken back: kept, for the history of the person's support.
    removed_at BIGINT,
    CHECK ((kind = 'skip') = (routine_id IS NOT NULL)),
    CHECK (kind = 'skip' OR (call_kind IS NOT NULL AND starts IS NOT NULL AND ends IS NOT NULL AND pas_required IS NOT NULL AND skills IS NOT NULL)),
    FOREIGN KEY (coop_id, person_id) REFERENCES supported_people (coop_id, id),
    FOREIGN KEY (coop_id, routine_id) REFERENCES need_routines (coop_id, id)
);

CREATE INDEX need_exceptions_by_person ON need_exceptions (coop_id, person_id, on_date);
