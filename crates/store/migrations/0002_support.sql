-- The people a co-operative gives care and support to. A place is never
-- deleted: ending support records the day and the reason, so the history
-- of who was supported when is kept.

CREATE TABLE supported_people (
    id TEXT PRIMARY KEY,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    name TEXT NOT NULL,
    member_account_id TEXT REFERENCES accounts (id),
    represented_by_account_id TEXT REFERENCES accounts (id),
    starts_on TEXT NOT NULL CHECK (length(starts_on) = 10),
    ends_on TEXT CHECK (ends_on IS NULL OR length(ends_on) = 10),
    end_reason TEXT CHECK (end_reason IS NULL OR end_reason IN ('no_longer_needed', 'moved_away', 'chose_another_provider', 'died', 'moved_to_another_coop', 'other')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE INDEX supported_people_by_coop ON supported_people (coop_id, starts_on);

CREATE TABLE ciw_registrations (
    coop_id TEXT PRIMARY KEY REFERENCES coops (id),
    registration_number TEXT NOT NULL,
    registered_on TEXT NOT NULL CHECK (length(registered_on) = 10),
    created_at BIGINT NOT NULL
);
