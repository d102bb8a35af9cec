-- Pay runs: one pay period of one frequency, computed for every PA paid at
-- that frequency, reviewed, then approved and locked. Payslips keep the
-- engine's input as the payroll contract's JSON, so each figure can be
-- recomputed with `cylch payroll calc`. Nothing here is ever deleted: these
-- are payroll records HMRC expects kept for at least 3 years.
--
-- Money is integer pence; instants are milliseconds; dates YYYY-MM-DD.

CREATE TABLE pay_runs (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'two_weekly', 'four_weekly', 'monthly')),
    tax_year TEXT NOT NULL CHECK (length(tax_year) = 7),
    period BIGINT NOT NULL CHECK (period BETWEEN 1 AND 56),
    period_first TEXT NOT NULL CHECK (length(period_first) = 10),
    period_last TEXT NOT NULL CHECK (length(period_last) = 10),
    pay_date TEXT NOT NULL CHECK (length(pay_date) = 10),
    state TEXT NOT NULL CHECK (state IN ('draft', 'approved')),
    created_by TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    approved_by TEXT REFERENCES accounts (id),
    approved_at BIGINT,
    CHECK (period_last >= period_first),
    CHECK ((state = 'approved') = (approved_by IS NOT NULL)),
    CHECK ((approved_by IS NULL) = (approved_at IS NULL))
);

CREATE UNIQUE INDEX pay_runs_coop_id ON pay_runs (coop_id, id);
-- A period is paid once, even when two officers press at the same moment.
CREATE UNIQUE INDEX pay_runs_once ON pay_runs (coop_id, tax_year, frequency, period);

CREATE TABLE payslips (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    -- The engine's input, exactly as `cylch payroll calc` reads it.
    input_json TEXT NOT NULL,
    -- Minutes paid at an hourly rate, and sleep-in nights: the hours a
    -- payslip must show. Negative only when an adjustment took time off a
    -- line an earlier payslip paid.
    minutes_paid BIGINT NOT NULL,
    sleep_in_nights BIGINT NOT NULL,
    gross_pence BIGINT NOT NULL,
    taxable_pay_pence BIGINT NOT NULL,
    tax_pence BIGINT NOT NULL,
    employee_ni_pence BIGINT NOT NULL,
    employer_ni_pence BIGINT NOT NULL,
    employment_allowance_used_pence BIGINT NOT NULL,
    employee_pension_pence BIGINT NOT NULL,
    employer_pension_pence BIGINT NOT NULL,
    student_loan_pence BIGINT NOT NULL,
    net_pay_pence BIGINT NOT NULL,
    -- After this payslip: the engine's to-date figures (P45 pay included),
    -- and this employment's own gross, NI and pension to date.
    taxable_pay_to_date_pence BIGINT NOT NULL,
    tax_to_date_pence BIGINT NOT NULL,
    gross_to_date_pence BIGINT NOT NULL,
    employee_ni_to_date_pence BIGINT NOT NULL,
    employee_pension_to_date_pence BIGINT NOT NULL,
    auto_enrolment TEXT,
    pension_enrolled BIGINT NOT NULL CHECK (pension_enrolled IN (0, 1)),
    notes_json TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    FOREIGN KEY (coop_id, run_id) REFERENCES pay_runs (coop_id, id),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);

CREATE UNIQUE INDEX payslips_once ON payslips (coop_id, run_id, employment_id);
CREATE INDEX payslips_by_employment ON payslips (coop_id, employment_id, run_id);

-- The approved timesheet lines each payslip paid, so that a later
-- adjustment of a paid line can pay only the difference.
CREATE TABLE payslip_lines (
    payslip_id TEXT NOT NULL REFERENCES payslips (id),
    coop_id TEXT NOT NULL,
    line_id TEXT NOT NULL,
    rate_pence BIGINT NOT NULL CHECK (rate_pence >= 0),
    minutes BIGINT NOT NULL CHECK (minutes >= 0),
    flat_pence BIGINT NOT NULL CHECK (flat_pence >= 0),
    PRIMARY KEY (payslip_id, line_id),
    FOREIGN KEY (coop_id, line_id) REFERENCES timesheet_lines (coop_id, id)
);
