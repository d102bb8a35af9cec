-- Each PA's availability as the rota plans from it: the hours of the week
-- they can work, dated exceptions, and their contracted hours where the
-- employment record has none (irregular hours). Holiday and sickness are
-- not kept here: they are read from the leave records.
--
-- Times and weekdays are written as in 0051_needs.sql.

CREATE TABLE pa_availability (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    weekdays TEXT NOT NULL CHECK (length(weekdays) BETWEEN 1 AND 7),
    starts TEXT NOT NULL CHECK (length(starts) = 5),
    ends TEXT NOT NULL CHECK (length(ends) = 5),
    created_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    -- Taken back: kept, so the history of when a PA could work stays.
    removed_at BIGINT,
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE INDEX pa_availability_by_pa ON pa_availability (coop_id, employment_id);

-- A date on which the PA cannot work at all ('unavailable'), or can work
-- beyond their weekly hours ('extra', with its times).
CREATE TABLE pa_availability_exceptions (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    on_date TEXT NOT NULL CHECK (length(on_date) = 10),
    kind TEXT NOT NULL CHECK (kind IN ('unavailable', 'extra')),
    starts TEXT CHECK (starts IS NULL OR length(starts) = 5),
    ends TEXT CHECK (ends IS NULL OR length(ends) = 5),
    created_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    removed_at BIGINT,
    CHECK ((kind = 'extra') = (starts IS NOT NULL AND ends IS NOT NULL)),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE INDEX pa_availability_exceptions_by_pa ON pa_availability_exceptions (coop_id, employment_id, on_date);

-- Contracted minutes a week, for a PA whose employment record has no fixed
-- hours; NULL when none were agreed.
CREATE TABLE pa_contracted_hours (
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    minutes_per_week BIGINT CHECK (minutes_per_week IS NULL OR minutes_per_week BETWEEN 0 AND 10080),
    updated_by TEXT REFERENCES accounts (id),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (coop_id, employment_id),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);
