-- Reintegra schema, version 6: what partners deliver on an accepted referral. Sessions (individual
-- or group, with attendance), college courses with intakes and seats, enrolments, and ID / transport
-- card milestones. Everything about one referral is shared by its agency and its partner like the
-- referral; the partner writes it, the agency reads it. Courses and intakes are the college's own.

CREATE SEQUENCE delivered_session_id_seq INCREMENT BY 50;
CREATE TABLE delivered_session (
    agency_tenant_id   varchar(63)   NOT NULL,
    partner_tenant_id  varchar(63)   NOT NULL,
    id                 bigint        NOT NULL,
    referral_id        bigint        NOT NULL,
    -- the same for every client of one group session; null for an individual session
    group_id           bigint,
    session_date       date          NOT NULL,
    start_time         time,
    duration_minutes   integer       NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
    format             varchar(12)   NOT NULL CHECK (format IN ('INDIVIDUAL', 'GROUP')),
    service_type       varchar(40)   NOT NULL,
    delivered_by       varchar(100)  NOT NULL,
    attendance         varchar(20)   NOT NULL
        CHECK (attendance IN ('PLANNED', 'ATTENDED', 'LATE', 'DID_NOT_ATTEND', 'RESCHEDULED')),
    absence_reason     varchar(20),
    notes              varchar(2000),
    concern            boolean       NOT NULL,
    -- a rescheduled session stays as history; its replacement names it
    rescheduled_from   bigint,
    recorded_by        varchar(100)  NOT NULL,
    recorded_at        timestamptz   NOT NULL,
    version            bigint        NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT delivered_session_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id),
    CONSTRAINT delivered_session_absence CHECK ((attendance = 'DID_NOT_ATTEND') = (absence_reason IS NOT NULL))
);
CREATE INDEX delivered_session_by_referral ON delivered_session (referral_id, session_date, id);
CREATE INDEX delivered_session_by_partner ON delivered_session (partner_tenant_id, session_date);

CREATE SEQUENCE session_group_id_seq INCREMENT BY 50;

-- A college's courses and their intakes; seats_taken never exceeds seats (the check, and the
-- conditional update that takes a seat).
CREATE SEQUENCE course_id_seq INCREMENT BY 50;
CREATE TABLE course (
    tenant_id      varchar(63)   NOT NULL REFERENCES organisation (id),
    id             bigint        NOT NULL,
    title          varchar(200)  NOT NULL,
    qualification  varchar(200),
    service_type   varchar(40)   NOT NULL,
    active         boolean       NOT NULL,
    version        bigint        NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE SEQUENCE course_intake_id_seq INCREMENT BY 50;
CREATE TABLE course_intake (
    tenant_id      varchar(63)   NOT NULL,
    id             bigint        NOT NULL,
    course_id      bigint        NOT NULL,
    starts_on      date          NOT NULL,
    ends_on        date          NOT NULL,
    seats          integer       NOT NULL CHECK (seats > 0),
    seats_taken    integer       NOT NULL,
    version        bigint        NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT course_intake_course_fk FOREIGN KEY (tenant_id, course_id) REFERENCES course (tenant_id, id),
    CONSTRAINT course_intake_never_overbooked CHECK (seats_taken BETWEEN 0 AND seats),
    CONSTRAINT course_intake_dates CHECK (ends_on >= starts_on)
);
CREATE INDEX course_intake_by_course ON course_intake (tenant_id, course_id, starts_on);

CREATE SEQUENCE enrolment_id_seq INCREMENT BY 50;
CREATE TABLE enrolment (
    agency_tenant_id    varchar(63)   NOT NULL,
    partner_tenant_id   varchar(63)   NOT NULL,
    id                  bigint        NOT NULL,
    referral_id         bigint        NOT NULL,
    intake_id           bigint        NOT NULL,
    course_title        varchar(200)  NOT NULL,
    starts_on           date          NOT NULL,
    status              varchar(16)   NOT NULL
        CHECK (status IN ('OFFERED', 'CONFIRMED', 'DECLINED', 'COMPLETED', 'DROPPED_OUT')),
    reason_code         varchar(30),
    reason_text         varchar(2000),
    certificate_number  varchar(60),
    changed_by          varchar(100)  NOT NULL,
    changed_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT enrolment_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id)
);
CREATE INDEX enrolment_by_referral ON enrolment (referral_id, id);
CREATE INDEX enrolment_by_intake ON enrolment (partner_tenant_id, intake_id, status);

CREATE SEQUENCE card_milestone_id_seq INCREMENT BY 50;
CREATE TABLE card_milestone (
    agency_tenant_id   varchar(63)   NOT NULL,
    partner_tenant_id  varchar(63)   NOT NULL,
    id                 bigint        NOT NULL,
    referral_id        bigint        NOT NULL,
    card_type          varchar(16)   NOT NULL CHECK (card_type IN ('ID_CARD', 'TRANSPORT_CARD')),
    requested_on       date          NOT NULL,
    issued_on          date,
    document_number    varchar(40),
    recorded_by        varchar(100)  NOT NULL,
    version            bigint        NOT NULL,
    PRIMARY KEY (agency_tenant_id, id),
    CONSTRAINT card_milestone_one_per_card UNIQUE (agency_tenant_id, referral_id, card_type),
    CONSTRAINT card_milestone_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id),
    CONSTRAINT card_milestone_issued CHECK ((issued_on IS NULL) = (document_number IS NULL)
                                            AND (issued_on IS NULL OR issued_on >= requested_on))
);

-- Row-level security -------------------------------------------------------------------------

ALTER TABLE course ENABLE ROW LEVEL SECURITY;
ALTER TABLE course FORCE ROW LEVEL SECURITY;
CREATE POLICY course_tenant ON course
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
ALTER TABLE course_intake ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_intake FORCE ROW LEVEL SECURITY;
CREATE POLICY course_intake_tenant ON course_intake
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

-- shared by the referral's two tenants; only the partner writes, and only on a referral it sees
ALTER TABLE delivered_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE delivered_session FORCE ROW LEVEL SECURITY;
CREATE POLICY delivered_session_read ON delivered_session FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true)
               AND EXISTS (SELECT 1 FROM referral r WHERE r.agency_tenant_id = delivered_session.agency_tenant_id
                                                     AND r.id = delivered_session.referral_id)));
CREATE POLICY delivered_session_create ON delivered_session FOR INSERT
    WITH CHECK (partner_tenant_id = current_setting('app.tenant_id', true)
                AND EXISTS (SELECT 1 FROM referral r WHERE r.agency_tenant_id = delivered_session.agency_tenant_id
                                                      AND r.id = delivered_session.referral_id));
CREATE POLICY delivered_session_change ON delivered_session FOR UPDATE
    USING (partner_tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (partner_tenant_id = current_setting('app.tenant_id', true));

ALTER TABLE enrolment ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrolment FORCE ROW LEVEL SECURITY;
CREATE POLICY enrolment_read ON enrolment FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true)
               AND EXISTS (SELECT 1 FROM referral r WHERE r.agency_tenant_id = enrolment.agency_tenant_id
                                                     AND r.id = enrolment.referral_id)));
CREATE POLICY enrolment_create ON enrolment FOR INSERT
    WITH CHECK (partner_tenant_id = current_setting('app.tenant_id', true)
                AND EXISTS (SELECT 1 FROM referral r WHERE r.agency_tenant_id = enrolment.agency_tenant_id
                                                      AND r.id = enrolment.referral_id));
CREATE POLICY enrolment_change ON enrolment FOR UPDATE
    USING (partner_tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (partner_tenant_id = current_setting('app.tenant_id', true));

ALTER TABLE card_milestone ENABLE ROW LEVEL SECURITY;
ALTER TABLE card_milestone FORCE ROW LEVEL SECURITY;
CREATE POLICY card_milestone_read ON card_milestone FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR (partner_tenant_id = current_setting('app.tenant_id', true)
               AND EXISTS (SELECT 1 FROM referral r WHERE r.agency_tenant_id = card_milestone.agency_tenant_id
                                                     AND r.id = card_milestone.referral_id)));
CREATE POLICY card_milestone_create ON card_milestone FOR INSERT
    WITH CHECK (partner_tenant_id = current_setting('app.tenant_id', true)
                AND EXISTS (SELECT 1 FROM referral r WHERE r.agency_tenant_id = card_milestone.agency_tenant_id
                                                      AND r.id = card_milestone.referral_id));
CREATE POLICY card_milestone_change ON card_milestone FOR UPDATE
    USING (partner_tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (partner_tenant_id = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT, UPDATE ON delivered_session, course, course_intake, enrolment, card_milestone TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE delivered_session_id_seq, session_group_id_seq, course_id_seq, course_intake_id_seq,
    enrolment_id_seq, card_milestone_id_seq TO ${app_role};
