-- Reintegra schema, version 4: what a referral still lacked (desired outcomes, legal basis and
-- consent, who must act next), its changelog, the staff directory, notifications with their mail
-- outbox, and the intake API's idempotency records.

-- Referral: desired outcomes (codes, comma-separated, chosen per service), legal basis and consent,
-- and which side has something to answer (a question, an amendment).
ALTER TABLE referral ADD COLUMN desired_outcomes   varchar(1000) NOT NULL DEFAULT '';
ALTER TABLE referral ADD COLUMN legal_basis        varchar(40);
ALTER TABLE referral ADD COLUMN consent_recorded_on date;
ALTER TABLE referral ADD COLUMN agency_attention   boolean       NOT NULL DEFAULT false;
ALTER TABLE referral ADD COLUMN partner_attention  boolean       NOT NULL DEFAULT false;
ALTER TABLE referral ADD COLUMN amended_at         timestamptz;
-- when anything about the referral last changed (state, terms, caseworker, a note): the intake API
-- lists "changed since" on it. Existing rows take their last state change; the owner is filtered by
-- FORCE row-level security, so the backfill lifts it for this statement only (ADR 0002).
ALTER TABLE referral ADD COLUMN changed_at         timestamptz;
ALTER TABLE referral NO FORCE ROW LEVEL SECURITY;
UPDATE referral SET changed_at = status_changed_at;
ALTER TABLE referral FORCE ROW LEVEL SECURITY;
ALTER TABLE referral ALTER COLUMN changed_at SET NOT NULL;
CREATE INDEX referral_agency_changes ON referral (agency_tenant_id, changed_at, id);

-- the partner's "Unassigned" view: open referrals without a caseworker
CREATE INDEX referral_partner_unassigned ON referral (partner_tenant_id, status_changed_at DESC, id DESC)
    WHERE sent_at IS NOT NULL AND assigned_caseworker IS NULL;
-- the caseworker's "Mine" view
CREATE INDEX referral_partner_caseworker ON referral (partner_tenant_id, assigned_caseworker, status_changed_at DESC)
    WHERE sent_at IS NOT NULL;

-- The guard learns the new agency-written columns: the partner changes none of them.
CREATE OR REPLACE FUNCTION referral_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
            NEW.sending_officer, NEW.sent_at, NEW.desired_outcomes, NEW.legal_basis, NEW.consent_recorded_on,
            NEW.amended_at)
           IS DISTINCT FROM
           (OLD.reference, OLD.client_given_name, OLD.client_family_name, OLD.client_date_of_birth, OLD.client_sex,
            OLD.client_preferred_language, OLD.programme_area, OLD.service_type, OLD.reason_for_referral,
            OLD.risk_summary, OLD.custody_status, OLD.release_date, OLD.completion_deadline, OLD.sending_office,
            OLD.sending_officer, OLD.sent_at, OLD.desired_outcomes, OLD.legal_basis, OLD.consent_recorded_on,
            OLD.amended_at) THEN
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

-- The changelog of a sent referral: the agency amends what it wrote, the partner reassigns its
-- caseworker. Old value, new value, who, when, why. Append-only.
CREATE SEQUENCE referral_amendment_id_seq INCREMENT BY 50;
CREATE TABLE referral_amendment (
    agency_tenant_id   varchar(63)   NOT NULL,
    partner_tenant_id  varchar(63)   NOT NULL,
    id                 bigint        NOT NULL,
    referral_id        bigint        NOT NULL,
    field              varchar(40)   NOT NULL,
    old_value          varchar(4000),
    new_value          varchar(4000),
    reason             varchar(2000) NOT NULL,
    amended_by         varchar(100)  NOT NULL,
    amended_by_side    varchar(16)   NOT NULL CHECK (amended_by_side IN ('AGENCY', 'PARTNER')),
    amended_at         timestamptz   NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT referral_amendment_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id)
);
CREATE INDEX referral_amendment_by_referral ON referral_amendment (referral_id, amended_at);

ALTER TABLE referral_amendment ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_amendment FORCE ROW LEVEL SECURITY;
CREATE POLICY referral_amendment_read ON referral_amendment FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true)
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = referral_amendment.agency_tenant_id
                              AND r.id = referral_amendment.referral_id)));
CREATE POLICY referral_amendment_write ON referral_amendment FOR INSERT
    WITH CHECK ((agency_tenant_id = current_setting('app.tenant_id', true) AND amended_by_side = 'AGENCY'
                 AND field <> 'ASSIGNED_CASEWORKER')
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND amended_by_side = 'PARTNER'
               AND field = 'ASSIGNED_CASEWORKER'
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = referral_amendment.agency_tenant_id
                              AND r.id = referral_amendment.referral_id)));

-- The staff of each organisation as the portal knows them from their sign-ins: name, e-mail, roles,
-- and how they want to be notified. Accounts themselves live in Keycloak.
CREATE TABLE staff_member (
    tenant_id              varchar(63)  NOT NULL REFERENCES organisation (id),
    username               varchar(100) NOT NULL,
    display_name           varchar(200) NOT NULL,
    email                  varchar(200),
    roles                  varchar(300) NOT NULL,
    notification_delivery  varchar(16)  NOT NULL DEFAULT 'IMMEDIATE'
        CHECK (notification_delivery IN ('IMMEDIATE', 'DAILY_DIGEST', 'IN_APP_ONLY')),
    preferred_locale       varchar(16),
    first_signed_in_at     timestamptz  NOT NULL,
    last_signed_in_at      timestamptz  NOT NULL,
    digest_sent_up_to      timestamptz,
    notifications_seen_at  timestamptz,
    version                bigint       NOT NULL,
    PRIMARY KEY (tenant_id, username)
);
ALTER TABLE staff_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_member FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_member_tenant ON staff_member
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

-- Notifications hang from a referral and are addressed to one side of it: to one person, or (no
-- recipient) to everyone of that side who works referrals. Either side writes them in the same
-- transaction as the change they tell of; only the addressed side reads them.
CREATE SEQUENCE notification_id_seq INCREMENT BY 50;
CREATE TABLE notification (
    agency_tenant_id    varchar(63)  NOT NULL,
    partner_tenant_id   varchar(63)  NOT NULL,
    id                  bigint       NOT NULL,
    referral_id         bigint       NOT NULL,
    referral_reference  varchar(40)  NOT NULL,
    recipient_side      varchar(16)  NOT NULL CHECK (recipient_side IN ('AGENCY', 'PARTNER')),
    recipient           varchar(100),
    event               varchar(30)  NOT NULL,
    caused_by           varchar(100) NOT NULL,
    created_at          timestamptz  NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT notification_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id)
);
CREATE INDEX notification_for_agency ON notification (agency_tenant_id, created_at DESC, id DESC)
    WHERE recipient_side = 'AGENCY';
CREATE INDEX notification_for_partner ON notification (partner_tenant_id, created_at DESC, id DESC)
    WHERE recipient_side = 'PARTNER';

ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_read ON notification FOR SELECT
    USING ((agency_tenant_id = current_setting('app.tenant_id', true) AND recipient_side = 'AGENCY')
           OR (partner_tenant_id = current_setting('app.tenant_id', true) AND recipient_side = 'PARTNER'
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = notification.agency_tenant_id
                              AND r.id = notification.referral_id)));
CREATE POLICY notification_write ON notification FOR INSERT
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true)
               AND EXISTS (SELECT 1 FROM referral r
                            WHERE r.agency_tenant_id = notification.agency_tenant_id
                              AND r.id = notification.referral_id)));

-- The transactional outbox of e-mail, kept in the recipient's tenant. A notification is fanned out
-- to its recipients once (the fan-out row), each person gets at most one mail per notification
-- (unique key) and a mail leaves the outbox only when the SMTP server took it.
CREATE TABLE notification_fanout (
    tenant_id        varchar(63)  NOT NULL REFERENCES organisation (id),
    notification_id  bigint       NOT NULL,
    fanned_out_at    timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, notification_id)
);
ALTER TABLE notification_fanout ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_fanout FORCE ROW LEVEL SECURITY;
CREATE POLICY notification_fanout_tenant ON notification_fanout
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

CREATE SEQUENCE mail_outbox_id_seq INCREMENT BY 50;
CREATE TABLE mail_outbox (
    tenant_id        varchar(63)   NOT NULL REFERENCES organisation (id),
    id               bigint        NOT NULL,
    recipient        varchar(100)  NOT NULL,
    email            varchar(200)  NOT NULL,
    kind             varchar(16)   NOT NULL CHECK (kind IN ('IMMEDIATE', 'DIGEST')),
    notification_id  bigint,
    digest_up_to     timestamptz,
    message_id       varchar(200)  NOT NULL,
    subject          varchar(300)  NOT NULL,
    body             varchar(20000) NOT NULL,
    state            varchar(16)   NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts         integer       NOT NULL,
    next_attempt_at  timestamptz   NOT NULL,
    sent_at          timestamptz,
    last_error       varchar(500),
    created_at       timestamptz   NOT NULL,
    version          bigint        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT mail_outbox_once_per_notification UNIQUE (tenant_id, recipient, notification_id),
    CONSTRAINT mail_outbox_once_per_digest UNIQUE (tenant_id, recipient, digest_up_to)
);
CREATE INDEX mail_outbox_pending ON mail_outbox (tenant_id, next_attempt_at) WHERE state = 'PENDING';
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY mail_outbox_tenant ON mail_outbox
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

-- The intake API's idempotency records: the first result of a state-changing call, per key.
CREATE TABLE api_idempotency (
    tenant_id        varchar(63)   NOT NULL REFERENCES organisation (id),
    idempotency_key  varchar(200)  NOT NULL,
    operation        varchar(60)   NOT NULL,
    request_hash     varchar(64)   NOT NULL,
    response_status  integer       NOT NULL,
    response_body    text          NOT NULL,
    location         varchar(300),
    created_at       timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, idempotency_key)
);
ALTER TABLE api_idempotency ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_idempotency FORCE ROW LEVEL SECURITY;
CREATE POLICY api_idempotency_tenant ON api_idempotency
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT ON referral_amendment, notification, notification_fanout, api_idempotency
    TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON staff_member, mail_outbox TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE referral_amendment_id_seq, notification_id_seq, mail_outbox_id_seq TO ${app_role};
