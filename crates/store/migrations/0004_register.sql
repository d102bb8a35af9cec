-- The register of members and the register of officers, as the
-- Co-operative and Community Benefit Societies Act 2014 (section 30) asks:
-- a former member's entry is kept, with the day they ceased and why.

ALTER TABLE memberships ADD COLUMN postal_address TEXT NOT NULL DEFAULT '';
ALTER TABLE memberships ADD COLUMN shares BIGINT NOT NULL DEFAULT 1;
ALTER TABLE memberships ADD COLUMN paid_pence BIGINT NOT NULL DEFAULT 100;
ALTER TABLE memberships ADD COLUMN admitted_on TEXT;
ALTER TABLE memberships ADD COLUMN ceased_on TEXT;
ALTER TABLE memberships ADD COLUMN ceased_reason TEXT;
ALTER TABLE offices ADD COLUMN ended_at BIGINT;
