-- Reintegra schema, version 1: the organisation directory, clients, referrals with their history,
-- and the audit trail. Runs as the owner role; the application role ${app_role} owns nothing and
-- only gets the privileges granted at the end.
--
-- Tenant isolation (docs/adr/0002-shared-referral-tenancy.md):
--   * tables owned by one tenant carry tenant_id, part of every key, with a row-level security
--     policy tenant_id = current_setting('app.tenant_id');
--   * tables shared by an agency and a partner carry agency_tenant_id and partner_tenant_id, with a
--     policy over both; the partner sees a referral only once it has been sent.
--   * FORCE ROW LEVEL SECURITY everywhere, so even the owner is filtered.

CREATE TABLE organisation (
    id          varchar(63)  PRIMARY KEY,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('AGENCY', 'PARTNER')),
    name        varchar(200) NOT NULL,
    created_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL
);

CREATE SEQUENCE client_id_seq INCREMENT BY 50;
CREATE TABLE client (
    tenant_id           varchar(63)  NOT NULL REFERENCES organisation (id),
    id                  bigint       NOT NULL,
    reference           varchar(40)  NOT NULL,
    given_name          varchar(100) NOT NULL,
    family_name         varchar(100) NOT NULL,
    date_of_birth       date         NOT NULL,
    sex                 varchar(16)  NOT NULL,
    preferred_language  varchar(8),
    phone               varchar(40),
    email               varchar(200),
    created_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT client_reference_unique UNIQUE (tenant_id, reference)
);

CREATE SEQUENCE referral_id_seq INCREMENT BY 50;
CREATE TABLE referral (
    agency_tenant_id           varchar(63)  NOT NULL REFERENCES organisation (id),
    partner_tenant_id          varchar(63)  NOT NULL REFERENCES organisation (id),
    id                         bigint       NOT NULL,
    reference                  varchar(40)  NOT NULL,
    client_id                  bigint       NOT NULL,
    client_given_name          varchar(100) NOT NULL,
    client_family_name         varchar(100) NOT NULL,
    client_date_of_birth       date         NOT NULL,
    client_sex                 varchar(16)  NOT NULL,
    client_preferred_language  varchar(8),
    programme_area             varchar(40)  NOT NULL,
    service_type               varchar(40)  NOT NULL,
    reason_for_referral        varchar(4000),
    risk_summary               varchar(4000),
    custody_status             varchar(16),
    release_date               date,
    completion_deadline        date,
    sending_office             varchar(200),
    sending_officer            varchar(100) NOT NULL,
    assigned_caseworker        varchar(100),
    status                     varchar(20)  NOT NULL,
    status_before_hold         varchar(20),
    created_at                 timestamptz  NOT NULL,
    sent_at                    timestamptz,
    status_changed_at          timestamptz  NOT NULL,
    version                    bigint       NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT referral_reference_unique UNIQUE (agency_tenant_id, reference),
    -- what hangs from a referral names both of its tenants; this key lets the database check both
    CONSTRAINT referral_parties_unique UNIQUE (agency_tenant_id, partner_tenant_id, id),
    CONSTRAINT referral_client_fk FOREIGN KEY (agency_tenant_id, client_id) REFERENCES client (tenant_id, id),
    CONSTRAINT referral_not_to_itself CHECK (agency_tenant_id <> partner_tenant_id)
);
-- inbox lists: newest change first, per side
CREATE INDEX referral_partner_inbox ON referral (partner_tenant_id, status_changed_at DESC, id DESC) WHERE sent_at IS NOT NULL;
CREATE INDEX referral_agency_list ON referral (agency_tenant_id, status_changed_at DESC, id DESC);
-- a partner opens a referral by id alone
CREATE INDEX referral_by_id ON referral (id);

CREATE SEQUENCE referral_status_change_id_seq INCREMENT BY 50;
CREATE TABLE referral_status_change (
    agency_tenant_id   varchar(63)  NOT NULL,
    partner_tenant_id  varchar(63)  NOT NULL,
    id                 bigint       NOT NULL,
    referral_id        bigint       NOT NULL,
    from_status        varchar(20),
    to_status          varchar(20)  NOT NULL,
    command            varchar(20)  NOT NULL,
    changed_by         varchar(100) NOT NULL,
    changed_by_tenant  varchar(63)  NOT NULL,
    changed_at         timestamptz  NOT NULL,
    reason_code        varchar(40),
    reason_text        varchar(2000),
    -- false only for changes of a referral never sent (a draft withdrawn): the agency's alone
    visible_to_partner boolean      NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT referral_status_change_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id)
);
CREATE INDEX referral_status_change_by_referral ON referral_status_change (referral_id, changed_at);

CREATE SEQUENCE audit_event_id_seq INCREMENT BY 50;
CREATE TABLE audit_event (
    tenant_id    varchar(63)   NOT NULL REFERENCES organisation (id),
    id           bigint        NOT NULL,
    occurred_at  timestamptz   NOT NULL,
    actor        varchar(100)  NOT NULL,
    action       varchar(16)   NOT NULL,
    referral_id  bigint,
    client_id    bigint,
    fields       varchar(1000) NOT NULL,
    purpose      varchar(60)   NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_event_by_client ON audit_event (tenant_id, client_id, occurred_at);
CREATE INDEX audit_event_by_referral ON audit_event (referral_id, occurred_at);

-- Row-level security ---------------------------------------------------------------------------

ALTER TABLE client ENABLE ROW LEVEL SECURITY;
ALTER TABLE client FORCE ROW LEVEL SECURITY;
CREATE POLICY client_tenant ON client
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_event_tenant ON audit_event
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

ALTER TABLE referral ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral FORCE ROW LEVEL SECURITY;
-- both sides read; the partner only once the referral was sent
CREATE POLICY referral_read ON referral FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND sent_at IS NOT NULL));
-- only the agency creates referrals
CREATE POLICY referral_create ON referral FOR INSERT
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY referral_change ON referral FOR UPDATE
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND sent_at IS NOT NULL))
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND sent_at IS NOT NULL));

ALTER TABLE referral_status_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_status_change FORCE ROW LEVEL SECURITY;
-- the partner sees (and adds to) the history of a referral only while it sees the referral itself,
-- that is once it was sent: the subquery runs under referral's own policy
CREATE POLICY referral_status_change_shared ON referral_status_change
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND visible_to_partner
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = referral_status_change.agency_tenant_id
                              AND r.id = referral_status_change.referral_id)))
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND visible_to_partner
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = referral_status_change.agency_tenant_id
                              AND r.id = referral_status_change.referral_id)));

-- A referral goes from an agency to a partner; its fixed columns never change; each side changes
-- only what its own commands change (the partner never rewrites what the agency wrote).
CREATE FUNCTION referral_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    acting text := current_setting('app.tenant_id', true);
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF (SELECT kind FROM organisation WHERE id = NEW.agency_tenant_id) IS DISTINCT FROM 'AGENCY'
           OR (SELECT kind FROM organisation WHERE id = NEW.partner_tenant_id) IS DISTINCT FROM 'PARTNER' THEN
            RAISE EXCEPTION 'a referral goes from an agency to a partner' USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.agency_tenant_id, NEW.partner_tenant_id, NEW.id, NEW.client_id, NEW.created_at)
           IS DISTINCT FROM (OLD.agency_tenant_id, OLD.partner_tenant_id, OLD.id, OLD.client_id, OLD.created_at)
       OR (OLD.sent_at IS NOT NULL AND NEW.sent_at IS DISTINCT FROM OLD.sent_at) THEN
        RAISE EXCEPTION 'the fixed columns of a referral cannot change' USING ERRCODE = '42501';
    END IF;
    IF acting = OLD.partner_tenant_id THEN
        IF (NEW.reference, NEW.client_given_name, NEW.client_family_name, NEW.client_date_of_birth, NEW.client_sex,
            NEW.client_preferred_language, NEW.programme_area, NEW.service_type, NEW.reason_for_referral,
            NEW.risk_summary, NEW.custody_status, NEW.release_date, NEW.completion_deadline, NEW.sending_office,
            NEW.sending_officer, NEW.sent_at)
           IS DISTINCT FROM
           (OLD.reference, OLD.client_given_name, OLD.client_family_name, OLD.client_date_of_birth, OLD.client_sex,
            OLD.client_preferred_language, OLD.programme_area, OLD.service_type, OLD.reason_for_referral,
            OLD.risk_summary, OLD.custody_status, OLD.release_date, OLD.completion_deadline, OLD.sending_office,
            OLD.sending_officer, OLD.sent_at) THEN
            RAISE EXCEPTION 'a partner cannot change what the agency wrote' USING ERRCODE = '42501';
        END IF;
    ELSIF acting = OLD.agency_tenant_id THEN
        IF NEW.assigned_caseworker IS DISTINCT FROM OLD.assigned_caseworker THEN
            RAISE EXCEPTION 'only the partner assigns its caseworker' USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER referral_guard BEFORE INSERT OR UPDATE ON referral
    FOR EACH ROW EXECUTE FUNCTION referral_guard();

-- Privileges of the application role: no DELETE, no TRUNCATE, nothing owned ----------------------

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${app_role};
GRANT SELECT, INSERT ON organisation TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON client, referral TO ${app_role};
GRANT SELECT, INSERT ON referral_status_change, audit_event TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE client_id_seq, referral_id_seq, referral_status_change_id_seq, audit_event_id_seq
    TO ${app_role};
