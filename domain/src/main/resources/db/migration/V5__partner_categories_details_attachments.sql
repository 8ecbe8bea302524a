-- Reintegra schema, version 5: each partner sees only the fields its service needs.
--
-- Partner organisations get a category. Health notes and legal case details of a referral live in
-- referral_detail, one row per kind, and attachments in referral_attachment, each with a kind; the
-- partner's side of their row-level security policies lets through only the kinds its category
-- needs (partner_may_see). The changelog follows the same rule for the fields it names.

ALTER TABLE organisation ADD COLUMN category varchar(24);
UPDATE organisation SET category = CASE kind WHEN 'AGENCY' THEN 'AGENCY' ELSE 'NGO' END;
ALTER TABLE organisation ALTER COLUMN category SET NOT NULL;
ALTER TABLE organisation ADD CONSTRAINT organisation_category_known CHECK (
    (kind = 'AGENCY' AND category = 'AGENCY')
    OR (kind = 'PARTNER' AND category IN ('NGO', 'CLINIC', 'LEGAL_AID_CENTRE', 'TRAINING_CENTRE', 'VOCATIONAL_COLLEGE')));

-- Which kinds of referral data a partner's category needs: GENERAL for everyone, OFFENCE_RISK
-- (reason, risk summary) for all but colleges, HEALTH for clinics, LEGAL for legal-aid centres.
CREATE FUNCTION partner_may_see(data_kind text, partner text) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT CASE data_kind
               WHEN 'GENERAL' THEN true
               WHEN 'OFFENCE_RISK' THEN o.category <> 'VOCATIONAL_COLLEGE'
               WHEN 'HEALTH' THEN o.category = 'CLINIC'
               WHEN 'LEGAL' THEN o.category = 'LEGAL_AID_CENTRE'
               ELSE false
           END
      FROM organisation o
     WHERE o.id = partner
$$;

CREATE SEQUENCE referral_detail_id_seq INCREMENT BY 50;
CREATE TABLE referral_detail (
    agency_tenant_id   varchar(63)   NOT NULL,
    partner_tenant_id  varchar(63)   NOT NULL,
    id                 bigint        NOT NULL,
    referral_id        bigint        NOT NULL,
    kind               varchar(16)   NOT NULL CHECK (kind IN ('HEALTH', 'LEGAL')),
    body               varchar(4000) NOT NULL,
    version            bigint        NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT referral_detail_one_per_kind UNIQUE (agency_tenant_id, referral_id, kind),
    CONSTRAINT referral_detail_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id)
);
ALTER TABLE referral_detail ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_detail FORCE ROW LEVEL SECURITY;
CREATE POLICY referral_detail_read ON referral_detail FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true)
               AND partner_may_see(kind, partner_tenant_id)
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = referral_detail.agency_tenant_id
                              AND r.id = referral_detail.referral_id)));
-- only the agency writes them
CREATE POLICY referral_detail_create ON referral_detail FOR INSERT
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY referral_detail_change ON referral_detail FOR UPDATE
    USING (agency_tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true));

CREATE SEQUENCE referral_attachment_id_seq INCREMENT BY 50;
CREATE TABLE referral_attachment (
    agency_tenant_id   varchar(63)   NOT NULL,
    partner_tenant_id  varchar(63)   NOT NULL,
    id                 bigint        NOT NULL,
    referral_id        bigint        NOT NULL,
    kind               varchar(16)   NOT NULL CHECK (kind IN ('GENERAL', 'HEALTH', 'LEGAL')),
    file_name          varchar(200)  NOT NULL,
    media_type         varchar(100)  NOT NULL,
    size_bytes         integer       NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    sha256             varchar(64)   NOT NULL,
    content            bytea         NOT NULL,
    uploaded_by        varchar(100)  NOT NULL,
    uploaded_by_side   varchar(16)   NOT NULL CHECK (uploaded_by_side IN ('AGENCY', 'PARTNER')),
    uploaded_at        timestamptz   NOT NULL,
    visible_to_partner boolean       NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT referral_attachment_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id)
);
CREATE INDEX referral_attachment_by_referral ON referral_attachment (referral_id, uploaded_at);
ALTER TABLE referral_attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_attachment FORCE ROW LEVEL SECURITY;
CREATE POLICY referral_attachment_read ON referral_attachment FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND visible_to_partner
               AND partner_may_see(kind, partner_tenant_id)
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = referral_attachment.agency_tenant_id
                              AND r.id = referral_attachment.referral_id)));
-- the agency attaches anything; the partner general documents (a certificate, a letter) to a referral it sees
CREATE POLICY referral_attachment_create ON referral_attachment FOR INSERT
    WITH CHECK ((agency_tenant_id = current_setting('app.tenant_id', true) AND uploaded_by_side = 'AGENCY')
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND uploaded_by_side = 'PARTNER'
               AND kind = 'GENERAL' AND visible_to_partner
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = referral_attachment.agency_tenant_id
                              AND r.id = referral_attachment.referral_id)));

-- The changelog names fields: a partner reads only the lines about fields its category may see.
DROP POLICY referral_amendment_read ON referral_amendment;
CREATE POLICY referral_amendment_read ON referral_amendment FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true)
               AND partner_may_see(CASE field
                                       WHEN 'REASON_FOR_REFERRAL' THEN 'OFFENCE_RISK'
                                       WHEN 'RISK_SUMMARY' THEN 'OFFENCE_RISK'
                                       WHEN 'HEALTH_NOTES' THEN 'HEALTH'
                                       WHEN 'LEGAL_CASE_DETAILS' THEN 'LEGAL'
                                       ELSE 'GENERAL'
                                   END, partner_tenant_id)
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = referral_amendment.agency_tenant_id
                              AND r.id = referral_amendment.referral_id)));

GRANT SELECT, INSERT, UPDATE ON referral_detail TO ${app_role};
GRANT SELECT, INSERT ON referral_attachment TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE referral_detail_id_seq, referral_attachment_id_seq TO ${app_role};
GRANT EXECUTE ON FUNCTION partner_may_see(text, text) TO ${app_role};
