-- Portable DDL: it runs unchanged on SQLite and PostgreSQL. Instants are
-- BIGINT milliseconds since the Unix epoch, flags BIGINT 0/1, ids and enums
-- TEXT with CHECK constraints.

CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    language TEXT NOT NULL CHECK (language IN ('en', 'cy')),
    instance_admin BIGINT NOT NULL DEFAULT 0 CHECK (instance_admin IN (0, 1)),
    sessions_valid_after BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE coops (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('family', 'pa_coop', 'citizen_led')),
    created_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE memberships (
    coop_id TEXT NOT NULL REFERENCES coops (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    class TEXT CHECK (class IN ('supported_person', 'representative', 'family_or_carer', 'pa', 'supporter')),
    represents_account_id TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (coop_id, account_id)
);

CREATE INDEX memberships_by_account ON memberships (account_id);

CREATE TABLE offices (
    coop_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    office TEXT NOT NULL CHECK (office IN ('chair', 'secretary', 'treasurer', 'coordinator')),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (coop_id, account_id, office),
    FOREIGN KEY (coop_id, account_id) REFERENCES memberships (coop_id, account_id)
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
);

CREATE INDEX api_tokens_by_account ON api_tokens (account_id);

CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    coop_id TEXT NOT NULL REFERENCES coops (id),
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    office TEXT CHECK (office IN ('chair', 'secretary', 'treasurer', 'coordinator')),
    class TEXT CHECK (class IN ('supported_person', 'representative', 'family_or_carer', 'pa', 'supporter')),
    invited_by TEXT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    accepted_at BIGINT
);

CREATE TABLE login_attempts (
    email TEXT NOT NULL,
    at BIGINT NOT NULL,
    succeeded BIGINT NOT NULL CHECK (succeeded IN (0, 1))
);

CREATE INDEX login_attempts_by_email ON login_attempts (email, at);

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    coop_id TEXT REFERENCES coops (id),
    actor_account_id TEXT REFERENCES accounts (id),
    at BIGINT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
    before_json TEXT,
    after_json TEXT
);

CREATE INDEX audit_log_by_coop ON audit_log (coop_id, at);
CREATE INDEX audit_log_by_record ON audit_log (record_kind, record_id);
