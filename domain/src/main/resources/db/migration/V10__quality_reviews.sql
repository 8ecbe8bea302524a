-- Reintegra schema, version 10: quality reviews. An agency's liaison officer samples closed
-- referrals of one partner, checks each against a checklist, records findings with corrective
-- actions and follows them to closure; the partner reads the review and answers its findings.
-- Shared by the agency and the reviewed partner, like the referrals reviewed.

CREATE SEQUENCE quality_review_id_seq INCREMENT BY 50;
CREATE TABLE quality_review (
    agency_tenant_id   varchar(63)   NOT NULL REFERENCES organisation (id),
    partner_tenant_id  varchar(63)   NOT NULL REFERENCES organisation (id),
    id                 bigint        NOT NULL,
    title              varchar(200)  NOT NULL,
    period_from        date          NOT NULL,
    period_to          date          NOT NULL,
    status             varchar(12)   NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    created_by         varchar(100)  NOT NULL,
    created_at         timestamptz   NOT NULL,
    closed_by          varchar(100),
    closed_at          timestamptz,
    version            bigint        NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT quality_review_parties_unique UNIQUE (agency_tenant_id, partner_tenant_id, id),
    CONSTRAINT quality_review_period CHECK (period_from <= period_to)
);
CREATE INDEX quality_review_by_partner ON quality_review (partner_tenant_id, created_at DESC);
CREATE INDEX quality_review_by_agency ON quality_review (agency_tenant_id, created_at DESC);

-- one sampled referral and its checklist (item=result pairs, as the application's enums name them)
CREATE SEQUENCE quality_review_item_id_seq INCREMENT BY 50;
CREATE TABLE quality_review_item (
    agency_tenant_id   varchar(63)   NOT NULL,
    partner_tenant_id  varchar(63)   NOT NULL,
    id                 bigint        NOT NULL,
    review_id          bigint        NOT NULL,
    referral_id        bigint        NOT NULL,
    checks             varchar(600)  NOT NULL,
    note               varchar(2000),
    checked_by         varchar(100),
    checked_at         timestamptz,
    version            bigint        NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT quality_review_item_review_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, review_id)
        REFERENCES quality_review (agency_tenant_id, partner_tenant_id, id),
    CONSTRAINT quality_review_item_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id),
    CONSTRAINT quality_review_item_once UNIQUE (agency_tenant_id, review_id, referral_id)
);

CREATE SEQUENCE quality_finding_id_seq INCREMENT BY 50;
CREATE TABLE quality_finding (
    agency_tenant_id   varchar(63)   NOT NULL,
    partner_tenant_id  varchar(63)   NOT NULL,
    id                 bigint        NOT NULL,
    review_id          bigint        NOT NULL,
    referral_id        bigint,
    finding            varchar(2000) NOT NULL,
    corrective_action  varchar(2000) NOT NULL,
    due_on             date          NOT NULL,
    status             varchar(12)   NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
    raised_by          varchar(100)  NOT NULL,
    raised_at          timestamptz   NOT NULL,
    partner_response   varchar(2000),
    responded_by       varchar(100),
    responded_at       timestamptz,
    agency_comment     varchar(2000),
    closed_by          varchar(100),
    closed_at          timestamptz,
    version            bigint        NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT quality_finding_review_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, review_id)
        REFERENCES quality_review (agency_tenant_id, partner_tenant_id, id),
    CONSTRAINT quality_finding_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id)
);
CREATE INDEX quality_finding_by_review ON quality_finding (review_id, id);
CREATE INDEX quality_finding_open_by_partner ON quality_finding (partner_tenant_id, due_on) WHERE status <> 'CLOSED';

ALTER TABLE quality_review ENABLE ROW LEVEL SECURITY;
ALTER TABLE quality_review FORCE ROW LEVEL SECURITY;
CREATE POLICY quality_review_read ON quality_review FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR partner_tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY quality_review_create ON quality_review FOR INSERT
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY quality_review_change ON quality_review FOR UPDATE
    USING (agency_tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true));

ALTER TABLE quality_review_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE quality_review_item FORCE ROW LEVEL SECURITY;
CREATE POLICY quality_review_item_read ON quality_review_item FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR partner_tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY quality_review_item_create ON quality_review_item FOR INSERT
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY quality_review_item_change ON quality_review_item FOR UPDATE
    USING (agency_tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true));

ALTER TABLE quality_finding ENABLE ROW LEVEL SECURITY;
ALTER TABLE quality_finding FORCE ROW LEVEL SECURITY;
CREATE POLICY quality_finding_read ON quality_finding FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR partner_tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY quality_finding_create ON quality_finding FOR INSERT
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true));
-- the agency closes or reopens findings; the partner answers them (the trigger below says what)
CREATE POLICY quality_finding_change ON quality_finding FOR UPDATE
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR partner_tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true)
           OR partner_tenant_id = current_setting('app.tenant_id', true));

CREATE FUNCTION quality_finding_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.agency_tenant_id, NEW.partner_tenant_id, NEW.id, NEW.review_id, NEW.referral_id, NEW.raised_by, NEW.raised_at)
       IS DISTINCT FROM
       (OLD.agency_tenant_id, OLD.partner_tenant_id, OLD.id, OLD.review_id, OLD.referral_id, OLD.raised_by, OLD.raised_at) THEN
        RAISE EXCEPTION 'the fixed columns of a finding cannot change' USING ERRCODE = '42501';
    END IF;
    IF current_setting('app.tenant_id', true) = OLD.partner_tenant_id THEN
        IF (NEW.finding, NEW.corrective_action, NEW.due_on, NEW.agency_comment, NEW.closed_by, NEW.closed_at)
           IS DISTINCT FROM (OLD.finding, OLD.corrective_action, OLD.due_on, OLD.agency_comment, OLD.closed_by, OLD.closed_at)
           OR OLD.status = 'CLOSED' OR NEW.status <> 'ANSWERED' THEN
            RAISE EXCEPTION 'a partner only answers an open finding' USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER quality_finding_guard BEFORE UPDATE ON quality_finding
    FOR EACH ROW EXECUTE FUNCTION quality_finding_guard();

GRANT SELECT, INSERT, UPDATE ON quality_review, quality_review_item, quality_finding TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE quality_review_id_seq, quality_review_item_id_seq, quality_finding_id_seq TO ${app_role};
