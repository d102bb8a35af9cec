-- What HMRC needs to match the co-operative's payroll files to its
-- records, beyond what employment holds: the employer's PAYE and Accounts
-- Office references, and each PA's gender as HMRC holds it (the FPS
-- schema takes only F or M, and HMRC matches it with the name, date of
-- birth and NI number). Changes are audited; rows are updated in place.

CREATE TABLE hmrc_employer (
    coop_id TEXT PRIMARY KEY REFERENCES coops (id),
    paye_reference TEXT NOT NULL,
    accounts_office_reference TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE hmrc_employees (
    coop_id TEXT NOT NULL,
    employment_id TEXT NOT NULL,
    gender TEXT NOT NULL CHECK (gender IN ('F', 'M')),
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (coop_id, employment_id),
    FOREIGN KEY (coop_id, employment_id) REFERENCES employments (coop_id, id)
);
