-- Employing PAs: each PA's employment, the supported people they work
-- with, the checks before work, the co-operative's employer's liability
-- insurance and every version of the written statement. Nothing here is
-- deleted: an ending records the last day and the reason; a new check is a
-- new row and the latest counts; each statement version is kept.
--
-- Money is BIGINT pence; hours BIGINT ten-thousandths of an hour (as in
-- payroll); dates TEXT YYYY-MM-DD; flags BIGINT 0/1; enums TEXT with CHECKs.

-- Lets an employment's links name a supported person of the same
-- co-operative only.
CREATE UNIQUE INDEX supported_people_coop_id ON supported_people (coop_id, id);

CREATE TABLE employments (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    -- The PA's own sign-in, when they have one: how they see their record.
    account_id TEXT REFERENCES accounts (id),
    name TEXT NOT NULL,
    born TEXT NOT NULL CHECK (length(born) = 10),
    -- Upper-case without spaces; never written to the audit log in full.
    ni_number TEXT CHECK (ni_number IS NULL OR length(ni_number) = 9),
    address TEXT NOT NULL,
    job_title TEXT NOT NULL,
    duties TEXT,
    place_of_work TEXT NOT NULL,
    engagement TEXT NOT NULL CHECK (engagement IN ('employee', 'self_employed', 'agency')),
    hours_kind TEXT NOT NULL CHECK (hours_kind IN ('fixed', 'fixed_part_year', 'irregular')),
    weekly_hours BIGINT,
    days_per_week BIGINT,
    rate_day BIGINT NOT NULL,
    rate_night BIGINT NOT NULL,
    rate_weekend BIGINT NOT NULL,
    rate_bank_holiday BIGINT NOT NULL,
    sleep_in_per_night BIGINT NOT NULL,
    pay_frequency TEXT NOT NULL CHECK (pay_frequency IN ('weekly', 'two_weekly', 'four_weekly', 'monthly')),
    tax_code TEXT,
    starter_declaration TEXT CHECK (starter_declaration IS NULL OR starter_declaration IN ('A', 'B', 'C')),
    p45_pay_to_date BIGINT,
    p45_tax_to_date BIGINT,
    p45_tax_code TEXT,
    p45_leaving_date TEXT CHECK (p45_leaving_date IS NULL OR length(p45_leaving_date) = 10),
    pension TEXT NOT NULL CHECK (pension IN ('assess', 'opted_in', 'opted_out', 'postponed')),
    pension_date TEXT CHECK (pension_date IS NULL OR length(pension_date) = 10),
    probation_weeks BIGINT,
    probation_conditions TEXT,
    fixed_term_end TEXT CHECK (fixed_term_end IS NULL OR length(fixed_term_end) = 10),
    notice_employer_weeks BIGINT NOT NULL,
    notice_worker_weeks BIGINT NOT NULL,
    welsh_speaker BIGINT NOT NULL CHECK (welsh_speaker IN (0, 1)),
    starts_on TEXT NOT NULL CHECK (length(starts_on) = 10),
    continuous_from TEXT CHECK (continuous_from IS NULL OR length(continuous_from) = 10),
    last_day TEXT CHECK (last_day IS NULL OR length(last_day) = 10),
    end_reason TEXT CHECK (end_reason IS NULL OR end_reason IN ('resigned', 'dismissed', 'redundancy', 'fixed_term_ended', 'retired', 'support_ended', 'died', 'other')),
    relative_in_household BIGINT NOT NULL CHECK (relative_in_household IN (0, 1)),
    council_authorisation_reference TEXT,
    council_authorisation_date TEXT CHECK (council_authorisation_date IS NULL OR length(council_authorisation_date) = 10),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK ((starter_declaration IS NULL) <> (p45_pay_to_date IS NULL)),
    CHECK ((last_day IS NULL) = (end_reason IS NULL)),
    CHECK ((council_authorisation_date IS NULL) = (council_authorisation_reference IS NULL))
);

CREATE UNIQUE INDEX employments_coop_id ON employments (coop_id, id);
CREATE INDEX employments_by_account ON employments (coop_id, account_id);

CREATE TABLE employment_people (
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    -- The support this PA gives the person includes medication, which
    -- adds medication training to the checks before work.
    needs_medication BIGINT NOT NULL CHECK (needs_medication IN (0, 1)),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (employment_id, person_id),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id),
    FOREIGN KEY (coop_id, person_id) REFERENCES supported_people (coop_id, id)
);

CREATE INDEX employment_people_by_person ON employment_people (coop_id, person_id);

CREATE TABLE employment_right_to_work (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('manual_document', 'home_office_online', 'identity_service_provider')),
    checked_on TEXT NOT NULL CHECK (length(checked_on) = 10),
    checked_by TEXT NOT NULL,
    -- The last day a time-limited permission covers; NULL when unlimited.
    valid_until TEXT CHECK (valid_until IS NULL OR length(valid_until) = 10),
    recorded_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE INDEX employment_right_to_work_by_employment ON employment_right_to_work (coop_id, employment_id);

CREATE TABLE employment_dbs (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    certificate TEXT NOT NULL CHECK (length(certificate) = 12),
    issued_on TEXT NOT NULL CHECK (length(issued_on) = 10),
    adults_barred_list BIGINT NOT NULL CHECK (adults_barred_list IN (0, 1)),
    -- The latest Update Service status check, when the certificate is on it.
    status_checked_on TEXT CHECK (status_checked_on IS NULL OR length(status_checked_on) = 10),
    status_outcome TEXT CHECK (status_outcome IS NULL OR status_outcome IN ('no_new_information', 'new_information')),
    recorded_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    CHECK ((status_checked_on IS NULL) = (status_outcome IS NULL)),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE INDEX employment_dbs_by_employment ON employment_dbs (coop_id, employment_id);

CREATE TABLE employment_references (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    referee TEXT NOT NULL,
    received_on TEXT NOT NULL CHECK (length(received_on) = 10),
    satisfactory BIGINT NOT NULL CHECK (satisfactory IN (0, 1)),
    recorded_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE INDEX employment_references_by_employment ON employment_references (coop_id, employment_id);

CREATE TABLE employment_training (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    course TEXT NOT NULL CHECK (course IN ('moving_and_handling', 'first_aid', 'safeguarding', 'medication')),
    completed_on TEXT NOT NULL CHECK (length(completed_on) = 10),
    -- The last day the training counts; NULL when it does not expire.
    expires_on TEXT CHECK (expires_on IS NULL OR length(expires_on) = 10),
    recorded_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE INDEX employment_training_by_employment ON employment_training (coop_id, employment_id);

CREATE TABLE employers_liability (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    insurer TEXT NOT NULL,
    policy TEXT NOT NULL,
    cover BIGINT NOT NULL CHECK (cover > 0),
    starts_on TEXT NOT NULL CHECK (length(starts_on) = 10),
    -- The last day of cover.
    expires_on TEXT NOT NULL CHECK (length(expires_on) = 10),
    recorded_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    CHECK (expires_on >= starts_on)
);

CREATE INDEX employers_liability_by_coop ON employers_liability (coop_id, starts_on);

CREATE TABLE employment_statements (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version >= 1),
    language TEXT NOT NULL CHECK (language IN ('en', 'cy')),
    -- Every particular in order, with its stable code and its value.
    particulars_json TEXT NOT NULL,
    issued_by TEXT REFERENCES accounts (id),
    issued_at BIGINT NOT NULL,
    -- When the PA, signed in as themself, acknowledged this version.
    acknowledged_at BIGINT,
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE UNIQUE INDEX employment_statements_version ON employment_statements (employment_id, version);
