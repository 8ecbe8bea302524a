-- Reintegra schema, version 8: the end-of-service report that closes a referral. For each desired
-- outcome, achieved / partly achieved / not achieved with a comment, and a summary; it concludes
-- the referral as completed or ended early (coded reason). The partner writes it once, the agency
-- acknowledges it; both read it.

CREATE SEQUENCE end_of_service_report_id_seq INCREMENT BY 50;
CREATE TABLE end_of_service_report (
    agency_tenant_id   varchar(63)   NOT NULL,
    partner_tenant_id  varchar(63)   NOT NULL,
    id                 bigint        NOT NULL,
    referral_id        bigint        NOT NULL,
    conclusion         varchar(16)   NOT NULL CHECK (conclusion IN ('COMPLETED', 'ENDED_EARLY')),
    ended_early_reason varchar(30),
    ended_early_text   varchar(2000),
    summary            varchar(4000) NOT NULL,
    submitted_by       varchar(100)  NOT NULL,
    submitted_at       timestamptz   NOT NULL,
    acknowledged_by    varchar(100),
    acknowledged_at    timestamptz,
    version            bigint        NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT end_of_service_report_once UNIQUE (agency_tenant_id, referral_id),
    CONSTRAINT end_of_service_report_parties_unique UNIQUE (agency_tenant_id, partner_tenant_id, id),
    CONSTRAINT end_of_service_report_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id),
    CONSTRAINT end_of_service_report_reason CHECK ((conclusion = 'ENDED_EARLY') = (ended_early_reason IS NOT NULL))
);

CREATE SEQUENCE outcome_rating_id_seq INCREMENT BY 50;
CREATE TABLE outcome_rating (
    agency_tenant_id   varchar(63)   NOT NULL,
    partner_tenant_id  varchar(63)   NOT NULL,
    id                 bigint        NOT NULL,
    report_id          bigint        NOT NULL,
    desired_outcome    varchar(40)   NOT NULL,
    rating             varchar(20)   NOT NULL CHECK (rating IN ('ACHIEVED', 'PARTLY_ACHIEVED', 'NOT_ACHIEVED')),
    comment            varchar(2000),
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT outcome_rating_once UNIQUE (agency_tenant_id, report_id, desired_outcome),
    CONSTRAINT outcome_rating_report_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, report_id)
        REFERENCES end_of_service_report (agency_tenant_id, partner_tenant_id, id)
);

ALTER TABLE end_of_service_report ENABLE ROW LEVEL SECURITY;
ALTER TABLE end_of_service_report FORCE ROW LEVEL SECURITY;
CREATE POLICY end_of_service_report_read ON end_of_service_report FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true)
               AND EXISTS (SELECT 1 FROM referral r WHERE r.agency_tenant_id = end_of_service_report.agency_tenant_id
                                                     AND r.id = end_of_service_report.referral_id)));
CREATE POLICY end_of_service_report_create ON end_of_service_report FOR INSERT
    WITH CHECK (partner_tenant_id = current_setting('app.tenant_id', true)
                AND EXISTS (SELECT 1 FROM referral r WHERE r.agency_tenant_id = end_of_service_report.agency_tenant_id
                                                      AND r.id = end_of_service_report.referral_id));
-- the agency acknowledges; nothing else changes (trigger below)
CREATE POLICY end_of_service_report_acknowledge ON end_of_service_report FOR UPDATE
    USING (agency_tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true));

CREATE FUNCTION end_of_service_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.agency_tenant_id, NEW.partner_tenant_id, NEW.id, NEW.referral_id, NEW.conclusion, NEW.ended_early_reason,
        NEW.ended_early_text, NEW.summary, NEW.submitted_by, NEW.submitted_at)
       IS DISTINCT FROM
       (OLD.agency_tenant_id, OLD.partner_tenant_id, OLD.id, OLD.referral_id, OLD.conclusion, OLD.ended_early_reason,
        OLD.ended_early_text, OLD.summary, OLD.submitted_by, OLD.submitted_at) THEN
        RAISE EXCEPTION 'a submitted end-of-service report cannot change' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER end_of_service_report_guard BEFORE UPDATE ON end_of_service_report
    FOR EACH ROW EXECUTE FUNCTION end_of_service_report_guard();

ALTER TABLE outcome_rating ENABLE ROW LEVEL SECURITY;
ALTER TABLE outcome_rating FORCE ROW LEVEL SECURITY;
CREATE POLICY outcome_rating_read ON outcome_rating FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true)
               AND EXISTS (SELECT 1 FROM end_of_service_report e
                            WHERE e.agency_tenant_id = outcome_rating.agency_tenant_id AND e.id = outcome_rating.report_id)));
CREATE POLICY outcome_rating_create ON outcome_rating FOR INSERT
    WITH CHECK (partner_tenant_id = current_setting('app.tenant_id', true)
                AND EXISTS (SELECT 1 FROM end_of_service_report e
                             WHERE e.agency_tenant_id = outcome_rating.agency_tenant_id AND e.id = outcome_rating.report_id));

GRANT SELECT, INSERT, UPDATE ON end_of_service_report TO ${app_role};
GRANT SELECT, INSERT ON outcome_rating TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE end_of_service_report_id_seq, outcome_rating_id_seq TO ${app_role};
