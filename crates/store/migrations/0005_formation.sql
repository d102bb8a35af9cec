-- How far a group has got in forming its co-operative: the tasks done, the
-- evidence kept for each, and the councils whose Direct Payments are pooled.
-- The record is one JSON document per co-operative, written whole in a
-- locked transaction; every change to it is in the audit trail.

CREATE TABLE formation_records (
    coop_id TEXT PRIMARY KEY REFERENCES coops (id),
    record_json TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
