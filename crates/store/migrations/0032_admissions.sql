-- A person the members are asked to admit, where the rules put admissions
-- to the members. If the proposal is carried, an invitation goes to them
-- once: invitation_id is set by whichever server sends it.

CREATE TABLE admission_proposals (
    proposal_id TEXT PRIMARY KEY REFERENCES proposals (id),
    coop_id TEXT NOT NULL REFERENCES coops (id),
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    class TEXT NOT NULL CHECK (class IN ('supported_person', 'representative', 'family_or_carer', 'pa', 'supporter')),
    invitation_id TEXT REFERENCES invitations (id)
);
