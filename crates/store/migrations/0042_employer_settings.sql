-- The co-operative's settings as an employer: how often checks fall due,
-- how many references it asks for, the working-time limits the rota
-- applies, and whether the Real Living Wage is required (with its figures
-- by date). No row means the law's defaults; a change is audited.

CREATE TABLE employer_settings (
    coop_id TEXT PRIMARY KEY REFERENCES coops (id),
    dbs_recheck_months BIGINT NOT NULL CHECK (dbs_recheck_months BETWEEN 1 AND 120),
    status_check_months BIGINT NOT NULL CHECK (status_check_months BETWEEN 1 AND 60),
    references_required BIGINT NOT NULL CHECK (references_required BETWEEN 0 AND 5),
    -- Minutes; NULL where the co-operative has recorded that the 48-hour
    -- average does not apply.
    weekly_average_minutes BIGINT CHECK (weekly_average_minutes IS NULL OR weekly_average_minutes BETWEEN 60 AND 10080),
    reference_weeks BIGINT NOT NULL CHECK (reference_weeks BETWEEN 1 AND 52),
    weekly_rest TEXT NOT NULL CHECK (weekly_rest IN ('each_week', 'each_fortnight')),
    real_living_wage_required BIGINT NOT NULL CHECK (real_living_wage_required IN (0, 1)),
    updated_at BIGINT NOT NULL
);

CREATE TABLE real_living_wage_rates (
    coop_id TEXT NOT NULL REFERENCES coops (id),
    starts_on TEXT NOT NULL CHECK (length(starts_on) = 10),
    hourly BIGINT NOT NULL CHECK (hourly > 0 AND hourly <= 100000),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (coop_id, starts_on)
);
