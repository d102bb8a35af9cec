-- Holiday and absence of employed PAs: the co-operative's leave year, the
-- hours worked that irregular-hours and part-year PAs accrue holiday on
-- (until timesheets record them), holiday requests and their decisions,
-- sickness absences and other leave. Nothing here is deleted: a request
-- that is declined or cancelled keeps its row and its state.
--
-- Hours are BIGINT ten-thousandths of an hour, days of holiday BIGINT
-- ten-thousandths of a day (as in payroll); dates TEXT YYYY-MM-DD; enums
-- TEXT with CHECKs.

-- The first day of each leave year; without a row, 1 April.
CREATE TABLE leave_settings (
    coop_id TEXT PRIMARY KEY REFERENCES coops (id),
    year_starts_month BIGINT NOT NULL CHECK (year_starts_month BETWEEN 1 AND 12),
    year_starts_day BIGINT NOT NULL CHECK (year_starts_day BETWEEN 1 AND 31),
    updated_by TEXT REFERENCES accounts (id),
    updated_at BIGINT NOT NULL
);

-- Hours worked in a pay period ending on period_end, recorded by an
-- officer; holiday accrues on them at 12.07% (WTR reg. 15B).
CREATE TABLE leave_hours_worked (
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    period_end TEXT NOT NULL CHECK (length(period_end) = 10),
    hours BIGINT NOT NULL CHECK (hours >= 0),
    recorded_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (employment_id, period_end),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE TABLE holiday_requests (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    first_day TEXT NOT NULL CHECK (length(first_day) = 10),
    last_day TEXT NOT NULL CHECK (length(last_day) = 10),
    -- As asked, for a PA whose holiday is counted in days; else NULL.
    days BIGINT CHECK (days IS NULL OR days > 0),
    -- What the request takes from the balance.
    hours BIGINT NOT NULL CHECK (hours > 0),
    note TEXT,
    state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'declined', 'cancelled')),
    requested_by TEXT REFERENCES accounts (id),
    requested_at BIGINT NOT NULL,
    decided_by TEXT REFERENCES accounts (id),
    decided_at BIGINT,
    decline_reason TEXT,
    CHECK (last_day >= first_day),
    CHECK ((state = 'declined') = (decline_reason IS NOT NULL)),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE INDEX holiday_requests_by_employment ON holiday_requests (coop_id, employment_id, first_day);
CREATE INDEX holiday_requests_by_state ON holiday_requests (coop_id, state);

-- Sickness is health data: its reason is for the PA and the officers with
-- the employer's duties only, and never reaches the audit log.
CREATE TABLE sickness_absences (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    first_day TEXT NOT NULL CHECK (length(first_day) = 10),
    -- NULL while the PA is still off.
    last_day TEXT CHECK (last_day IS NULL OR length(last_day) = 10),
    fit_note_received_on TEXT CHECK (fit_note_received_on IS NULL OR length(fit_note_received_on) = 10),
    reason TEXT,
    recorded_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (last_day IS NULL OR last_day >= first_day),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE INDEX sickness_absences_by_employment ON sickness_absences (coop_id, employment_id, first_day);

CREATE TABLE other_leave (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('compassionate', 'maternity', 'paternity', 'adoption', 'shared_parental', 'parental', 'parental_bereavement', 'neonatal', 'carers', 'dependants', 'jury_service', 'unpaid', 'other')),
    first_day TEXT NOT NULL CHECK (length(first_day) = 10),
    last_day TEXT NOT NULL CHECK (length(last_day) = 10),
    note TEXT,
    recorded_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    CHECK (last_day >= first_day),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE INDEX other_leave_by_employment ON other_leave (coop_id, employment_id, first_day);
