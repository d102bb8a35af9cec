-- Timesheets: each PA's time in each pay period, line by line. These are
-- the minimum-wage records (start, finish, breaks), kept at least 6 years:
-- no row here is ever deleted. A corrected line keeps its first figures
-- beside the new ones; a change after approval is a new line (an
-- adjustment) that names the line it replaces.
--
-- Times are kept as the rota keeps them: local wall-clock times
-- (Europe/London, YYYY-MM-DDTHH:MM) and instants in milliseconds.

CREATE TABLE timesheets (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    employment_id TEXT NOT NULL,
    period_first TEXT NOT NULL CHECK (length(period_first) = 10),
    period_last TEXT NOT NULL CHECK (length(period_last) = 10),
    created_at BIGINT NOT NULL,
    CHECK (period_last >= period_first),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE UNIQUE INDEX timesheets_coop_id ON timesheets (coop_id, id);
CREATE UNIQUE INDEX timesheets_by_period ON timesheets (coop_id, employment_id, period_first);

CREATE TABLE timesheet_lines (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    timesheet_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('rota', 'hand', 'adjustment')),
    -- The delivered shift a line was built from: once, however often the
    -- timesheet is built.
    shift_id TEXT,
    -- The approved line an adjustment replaces.
    adjusts_line_id TEXT,
    day TEXT NOT NULL CHECK (length(day) = 10),
    starts_local TEXT NOT NULL CHECK (length(starts_local) = 16),
    ends_local TEXT NOT NULL CHECK (length(ends_local) = 16),
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('day', 'night', 'sleep_in', 'waking_night', 'holiday', 'sickness')),
    break_minutes BIGINT NOT NULL CHECK (break_minutes >= 0),
    woken_minutes BIGINT NOT NULL CHECK (woken_minutes >= 0),
    minutes BIGINT NOT NULL CHECK (minutes >= 0),
    minimum_wage_minutes BIGINT NOT NULL CHECK (minimum_wage_minutes >= 0),
    -- The figures before the PA's first correction, as built or entered.
    original_json TEXT,
    -- Why the PA corrected the line, or why the adjustment was made.
    reason TEXT,
    entered_by TEXT REFERENCES accounts (id),
    confirmed_at BIGINT,
    confirmed_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK ((source = 'rota') = (shift_id IS NOT NULL)),
    CHECK ((source = 'adjustment') = (adjusts_line_id IS NOT NULL)),
    FOREIGN KEY (coop_id, timesheet_id) REFERENCES timesheets (coop_id, id),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id),
    FOREIGN KEY (coop_id, shift_id) REFERENCES shifts (coop_id, id)
);

CREATE UNIQUE INDEX timesheet_lines_coop_id ON timesheet_lines (coop_id, id);
CREATE UNIQUE INDEX timesheet_lines_by_shift ON timesheet_lines (coop_id, shift_id);
-- One adjustment of a line at a time, waiting or approved.
CREATE UNIQUE INDEX timesheet_lines_by_adjusted ON timesheet_lines (coop_id, adjusts_line_id);
CREATE INDEX timesheet_lines_by_timesheet ON timesheet_lines (coop_id, timesheet_id, starts_at);
CREATE INDEX timesheet_lines_by_pa ON timesheet_lines (coop_id, employment_id, day);

-- Whom each line's time was for, and each person's approval of it.
CREATE TABLE timesheet_line_people (
    coop_id TEXT NOT NULL,
    line_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    approved_at BIGINT,
    approved_by TEXT REFERENCES accounts (id),
    PRIMARY KEY (line_id, person_id),
    CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
    FOREIGN KEY (coop_id, line_id) REFERENCES timesheet_lines (coop_id, id),
    FOREIGN KEY (coop_id, person_id) REFERENCES supported_people (coop_id, id)
);

CREATE INDEX timesheet_line_people_by_person ON timesheet_line_people (coop_id, person_id);

-- A supported person's choice that the coordinator (the officers with the
-- employer's duties) approve the time spent with them. No row: they
-- approve it themself, or their representative does.
CREATE TABLE timesheet_approvers (
    coop_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    approver TEXT NOT NULL CHECK (approver IN ('person', 'coordinator')),
    chosen_by TEXT REFERENCES accounts (id),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (coop_id, person_id),
    FOREIGN KEY (coop_id, person_id) REFERENCES supported_people (coop_id, id)
);
