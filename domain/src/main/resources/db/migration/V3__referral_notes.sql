-- Case notes and questions between the agency and the partner on a referral. Shared like the
-- referral's history: both tenants named, the partner sees notes only of referrals it sees (a note
-- on a draft stays the agency's), append-only for the application.
CREATE SEQUENCE referral_note_id_seq INCREMENT BY 50;
CREATE TABLE referral_note (
    agency_tenant_id   varchar(63)   NOT NULL,
    partner_tenant_id  varchar(63)   NOT NULL,
    id                 bigint        NOT NULL,
    referral_id        bigint        NOT NULL,
    author             varchar(100)  NOT NULL,
    author_side        varchar(16)   NOT NULL CHECK (author_side IN ('AGENCY', 'PARTNER')),
    question           boolean       NOT NULL,
    body               varchar(4000) NOT NULL,
    written_at         timestamptz   NOT NULL,
    visible_to_partner boolean       NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT referral_note_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id)
);
CREATE INDEX referral_note_by_referral ON referral_note (referral_id, written_at);

ALTER TABLE referral_note ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_note FORCE ROW LEVEL SECURITY;
CREATE POLICY referral_note_shared ON referral_note
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND visible_to_partner
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = referral_note.agency_tenant_id
                              AND r.id = referral_note.referral_id)))
    WITH CHECK ((agency_tenant_id = current_setting('app.tenant_id', true) AND author_side = 'AGENCY')
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND author_side = 'PARTNER'
               AND visible_to_partner
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = referral_note.agency_tenant_id
                              AND r.id = referral_note.referral_id)));

GRANT SELECT, INSERT ON referral_note TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE referral_note_id_seq TO ${app_role};
