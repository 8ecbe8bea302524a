-- Reintegra schema, version 7: the partners' service catalogue and action plans.

-- What each partner offers: the service, where, for whom (age, sex, custody), in which languages
-- and with how many places. It is the directory officers choose partners from, so every tenant
-- reads it; each partner writes only its own entries.
CREATE SEQUENCE partner_service_id_seq INCREMENT BY 50;
CREATE TABLE partner_service (
    tenant_id      varchar(63)   NOT NULL REFERENCES organisation (id),
    id             bigint        NOT NULL,
    service_type   varchar(40)   NOT NULL,
    description    varchar(2000),
    locations      varchar(1000) NOT NULL,
    region         varchar(100),
    min_age        integer       CHECK (min_age BETWEEN 10 AND 120),
    max_age        integer       CHECK (max_age BETWEEN 10 AND 120),
    sexes          varchar(40)   NOT NULL,
    custody        varchar(16)   NOT NULL CHECK (custody IN ('IN_CUSTODY', 'IN_COMMUNITY', 'BOTH')),
    languages      varchar(100)  NOT NULL,
    places         integer       CHECK (places >= 0),
    active         boolean       NOT NULL,
    version        bigint        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT partner_service_ages CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);
CREATE INDEX partner_service_by_type ON partner_service (service_type, tenant_id) WHERE active;

ALTER TABLE partner_service ENABLE ROW LEVEL SECURITY;
ALTER TABLE partner_service FORCE ROW LEVEL SECURITY;
-- the directory: readable by every tenant (it holds no personal data)
CREATE POLICY partner_service_directory ON partner_service FOR SELECT
    USING (current_setting('app.tenant_id', true) <> '');
CREATE POLICY partner_service_create ON partner_service FOR INSERT
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY partner_service_change ON partner_service FOR UPDATE
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

-- Action plans: the partner proposes (planned activities, number of sessions), the agency approves
-- it or returns it with comments; each proposal is a new version, earlier ones are kept.
CREATE SEQUENCE action_plan_id_seq INCREMENT BY 50;
CREATE TABLE action_plan (
    agency_tenant_id   varchar(63)   NOT NULL,
    partner_tenant_id  varchar(63)   NOT NULL,
    id                 bigint        NOT NULL,
    referral_id        bigint        NOT NULL,
    plan_version       integer       NOT NULL CHECK (plan_version > 0),
    activities         varchar(4000) NOT NULL,
    planned_sessions   integer       NOT NULL CHECK (planned_sessions BETWEEN 1 AND 500),
    status             varchar(16)   NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'RETURNED', 'SUPERSEDED')),
    submitted_by       varchar(100)  NOT NULL,
    submitted_at       timestamptz   NOT NULL,
    reviewed_by        varchar(100),
    reviewed_at        timestamptz,
    review_comment     varchar(2000),
    version            bigint        NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT action_plan_version_unique UNIQUE (agency_tenant_id, referral_id, plan_version),
    CONSTRAINT action_plan_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id)
);
CREATE INDEX action_plan_by_referral ON action_plan (referral_id, plan_version);

ALTER TABLE action_plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE action_plan FORCE ROW LEVEL SECURITY;
CREATE POLICY action_plan_read ON action_plan FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true)
               AND EXISTS (SELECT 1 FROM referral r WHERE r.agency_tenant_id = action_plan.agency_tenant_id
                                                     AND r.id = action_plan.referral_id)));
-- the partner proposes
CREATE POLICY action_plan_create ON action_plan FOR INSERT
    WITH CHECK (partner_tenant_id = current_setting('app.tenant_id', true) AND status = 'SUBMITTED'
                AND EXISTS (SELECT 1 FROM referral r WHERE r.agency_tenant_id = action_plan.agency_tenant_id
                                                      AND r.id = action_plan.referral_id));
-- the agency reviews; the partner only marks its own earlier proposal superseded
CREATE POLICY action_plan_review ON action_plan FOR UPDATE
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true)
               AND EXISTS (SELECT 1 FROM referral r WHERE r.agency_tenant_id = action_plan.agency_tenant_id
                                                     AND r.id = action_plan.referral_id)))
    WITH CHECK ((agency_tenant_id = current_setting('app.tenant_id', true) AND status IN ('APPROVED', 'RETURNED'))
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND status = 'SUPERSEDED'));

-- What a proposal says never changes; only its review does.
CREATE FUNCTION action_plan_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.agency_tenant_id, NEW.partner_tenant_id, NEW.id, NEW.referral_id, NEW.plan_version, NEW.activities,
        NEW.planned_sessions, NEW.submitted_by, NEW.submitted_at)
       IS DISTINCT FROM
       (OLD.agency_tenant_id, OLD.partner_tenant_id, OLD.id, OLD.referral_id, OLD.plan_version, OLD.activities,
        OLD.planned_sessions, OLD.submitted_by, OLD.submitted_at) THEN
        RAISE EXCEPTION 'a submitted action plan cannot change; submit a new version' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER action_plan_guard BEFORE UPDATE ON action_plan FOR EACH ROW EXECUTE FUNCTION action_plan_guard();

GRANT SELECT, INSERT, UPDATE ON partner_service, action_plan TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE partner_service_id_seq, action_plan_id_seq TO ${app_role};
