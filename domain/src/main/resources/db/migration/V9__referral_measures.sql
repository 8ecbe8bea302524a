-- Reintegra schema, version 9: one row of measures per sent referral, for the liaison dashboard
-- and the partners' performance view (docs/adr/0007-performance-measures.md).
--
-- The dashboard aggregates over these narrow rows in SQL instead of joining referrals with millions
-- of sessions. Triggers keep each row current in the same transaction as the change it reflects,
-- so the figures never lag behind the records. The trigger functions run as the schema owner
-- (SECURITY DEFINER) and the application role may only read the table: nobody edits a figure.
-- Row-level security is the referral's: the agency that sent it and the partner that received it.

CREATE TABLE referral_measure (
    agency_tenant_id     varchar(63)  NOT NULL,
    partner_tenant_id    varchar(63)  NOT NULL,
    referral_id          bigint       NOT NULL,
    sending_office       varchar(200),
    programme_area       varchar(40)  NOT NULL,
    service_type         varchar(40)  NOT NULL,
    client_sex           varchar(16)  NOT NULL,
    -- age at sending, in the bands the agency reports by
    age_band             varchar(8)   NOT NULL,
    status               varchar(20)  NOT NULL,
    sent_at              timestamptz  NOT NULL,
    sent_on              date         NOT NULL,
    accepted_at          timestamptz,
    declined_at          timestamptz,
    decline_reason       varchar(40),
    withdrawn_at         timestamptz,
    concluded_at         timestamptz,
    conclusion           varchar(16)  CHECK (conclusion IN ('COMPLETED', 'ENDED_EARLY')),
    ended_early_reason   varchar(40),
    first_session_on     date,
    sessions_attended    integer      NOT NULL DEFAULT 0,
    sessions_late        integer      NOT NULL DEFAULT 0,
    sessions_missed      integer      NOT NULL DEFAULT 0,
    outcomes_rated       integer      NOT NULL DEFAULT 0,
    outcomes_achieved    integer      NOT NULL DEFAULT 0,
    outcomes_partly      integer      NOT NULL DEFAULT 0,
    enrolment_confirmed  boolean      NOT NULL DEFAULT false,
    enrolment_completed  boolean      NOT NULL DEFAULT false,
    cards_issued         integer      NOT NULL DEFAULT 0,
    PRIMARY KEY (agency_tenant_id, referral_id),
    CONSTRAINT referral_measure_referral_fk FOREIGN KEY (agency_tenant_id, partner_tenant_id, referral_id)
        REFERENCES referral (agency_tenant_id, partner_tenant_id, id)
);
-- the liaison's dashboard: an agency's referrals sent in a period; the partner's view likewise
CREATE INDEX referral_measure_agency_period ON referral_measure (agency_tenant_id, sent_on);
CREATE INDEX referral_measure_partner_period ON referral_measure (partner_tenant_id, sent_on);

ALTER TABLE referral_measure ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_measure FORCE ROW LEVEL SECURITY;
CREATE POLICY referral_measure_read ON referral_measure FOR SELECT
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR partner_tenant_id = current_setting('app.tenant_id', true));
-- written only by the triggers below (as the owner), for the side whose change it reflects
CREATE POLICY referral_measure_create ON referral_measure FOR INSERT
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true));
CREATE POLICY referral_measure_change ON referral_measure FOR UPDATE
    USING (agency_tenant_id = current_setting('app.tenant_id', true)
           OR partner_tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (agency_tenant_id = current_setting('app.tenant_id', true)
           OR partner_tenant_id = current_setting('app.tenant_id', true));

CREATE FUNCTION age_band(born date, on_day date) RETURNS varchar LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN extract(year FROM age(on_day, born)) < 18 THEN 'U18'
        WHEN extract(year FROM age(on_day, born)) < 25 THEN '18-24'
        WHEN extract(year FROM age(on_day, born)) < 35 THEN '25-34'
        WHEN extract(year FROM age(on_day, born)) < 45 THEN '35-44'
        WHEN extract(year FROM age(on_day, born)) < 55 THEN '45-54'
        ELSE '55+' END
$$;

-- A status change: the referral enters the measures when sent; later changes stamp their moment.
CREATE FUNCTION referral_measure_on_status() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.to_status = 'SENT' THEN
        INSERT INTO referral_measure (agency_tenant_id, partner_tenant_id, referral_id, sending_office, programme_area,
                                      service_type, client_sex, age_band, status, sent_at, sent_on)
        SELECT r.agency_tenant_id, r.partner_tenant_id, r.id, r.sending_office, r.programme_area, r.service_type,
               r.client_sex, age_band(r.client_date_of_birth, (NEW.changed_at AT TIME ZONE 'UTC')::date), 'SENT',
               NEW.changed_at, (NEW.changed_at AT TIME ZONE 'UTC')::date
          FROM referral r
         WHERE r.agency_tenant_id = NEW.agency_tenant_id AND r.id = NEW.referral_id
        ON CONFLICT (agency_tenant_id, referral_id) DO NOTHING;
        RETURN NULL;
    END IF;
    UPDATE referral_measure m SET
        status = NEW.to_status,
        accepted_at = CASE WHEN NEW.to_status = 'ACCEPTED' THEN coalesce(m.accepted_at, NEW.changed_at) ELSE m.accepted_at END,
        declined_at = CASE WHEN NEW.to_status = 'DECLINED' THEN NEW.changed_at ELSE m.declined_at END,
        decline_reason = CASE WHEN NEW.to_status = 'DECLINED' THEN NEW.reason_code ELSE m.decline_reason END,
        withdrawn_at = CASE WHEN NEW.to_status = 'WITHDRAWN' THEN NEW.changed_at ELSE m.withdrawn_at END,
        concluded_at = CASE WHEN NEW.to_status IN ('COMPLETED', 'ENDED_EARLY') THEN NEW.changed_at ELSE m.concluded_at END,
        conclusion = CASE WHEN NEW.to_status IN ('COMPLETED', 'ENDED_EARLY') THEN NEW.to_status ELSE m.conclusion END,
        ended_early_reason = CASE WHEN NEW.to_status = 'ENDED_EARLY' THEN NEW.reason_code ELSE m.ended_early_reason END
     WHERE m.agency_tenant_id = NEW.agency_tenant_id AND m.referral_id = NEW.referral_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER referral_measure_on_status AFTER INSERT ON referral_status_change
    FOR EACH ROW EXECUTE FUNCTION referral_measure_on_status();

-- An amendment of what the measures are broken down by.
CREATE FUNCTION referral_measure_on_referral() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE referral_measure m SET sending_office = NEW.sending_office, client_sex = NEW.client_sex,
                                  age_band = age_band(NEW.client_date_of_birth, m.sent_on)
     WHERE m.agency_tenant_id = NEW.agency_tenant_id AND m.referral_id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER referral_measure_on_referral AFTER UPDATE OF sending_office, client_sex, client_date_of_birth ON referral
    FOR EACH ROW EXECUTE FUNCTION referral_measure_on_referral();

-- Sessions: counted again for the one referral whose session was recorded or changed.
CREATE FUNCTION referral_measure_on_session() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE referral_measure m SET
        sessions_attended = s.attended, sessions_late = s.late, sessions_missed = s.missed, first_session_on = s.first_on
      FROM (SELECT count(*) FILTER (WHERE attendance = 'ATTENDED') AS attended,
                   count(*) FILTER (WHERE attendance = 'LATE') AS late,
                   count(*) FILTER (WHERE attendance = 'DID_NOT_ATTEND') AS missed,
                   min(session_date) FILTER (WHERE attendance IN ('ATTENDED', 'LATE')) AS first_on
              FROM delivered_session
             WHERE agency_tenant_id = NEW.agency_tenant_id AND referral_id = NEW.referral_id) s
     WHERE m.agency_tenant_id = NEW.agency_tenant_id AND m.referral_id = NEW.referral_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER referral_measure_on_session AFTER INSERT OR UPDATE OF attendance, session_date ON delivered_session
    FOR EACH ROW EXECUTE FUNCTION referral_measure_on_session();

CREATE FUNCTION referral_measure_on_enrolment() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE referral_measure m SET
        enrolment_confirmed = EXISTS (SELECT 1 FROM enrolment e
                                       WHERE e.agency_tenant_id = NEW.agency_tenant_id AND e.referral_id = NEW.referral_id
                                         AND e.status IN ('CONFIRMED', 'COMPLETED', 'DROPPED_OUT')),
        enrolment_completed = EXISTS (SELECT 1 FROM enrolment e
                                       WHERE e.agency_tenant_id = NEW.agency_tenant_id AND e.referral_id = NEW.referral_id
                                         AND e.status = 'COMPLETED')
     WHERE m.agency_tenant_id = NEW.agency_tenant_id AND m.referral_id = NEW.referral_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER referral_measure_on_enrolment AFTER INSERT OR UPDATE OF status ON enrolment
    FOR EACH ROW EXECUTE FUNCTION referral_measure_on_enrolment();

CREATE FUNCTION referral_measure_on_card() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE referral_measure m SET
        cards_issued = (SELECT count(*) FROM card_milestone c
                         WHERE c.agency_tenant_id = NEW.agency_tenant_id AND c.referral_id = NEW.referral_id
                           AND c.issued_on IS NOT NULL)
     WHERE m.agency_tenant_id = NEW.agency_tenant_id AND m.referral_id = NEW.referral_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER referral_measure_on_card AFTER INSERT OR UPDATE OF issued_on ON card_milestone
    FOR EACH ROW EXECUTE FUNCTION referral_measure_on_card();

-- Ratings of an end-of-service report, counted once per statement for the report's referral.
CREATE FUNCTION referral_measure_on_rating() RETURNS trigger LANGUAGE plpgsql
    SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    UPDATE referral_measure m SET
        outcomes_rated = r.rated, outcomes_achieved = r.achieved, outcomes_partly = r.partly
      FROM (SELECT e.referral_id,
                   count(o.id) AS rated,
                   count(o.id) FILTER (WHERE o.rating = 'ACHIEVED') AS achieved,
                   count(o.id) FILTER (WHERE o.rating = 'PARTLY_ACHIEVED') AS partly
              FROM end_of_service_report e
              LEFT JOIN outcome_rating o ON o.agency_tenant_id = e.agency_tenant_id AND o.report_id = e.id
             WHERE e.agency_tenant_id = NEW.agency_tenant_id AND e.id = NEW.report_id
             GROUP BY e.referral_id) r
     WHERE m.agency_tenant_id = NEW.agency_tenant_id AND m.referral_id = r.referral_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER referral_measure_on_rating AFTER INSERT ON outcome_rating
    FOR EACH ROW EXECUTE FUNCTION referral_measure_on_rating();

-- Referrals sent before this version: measured once, here. The owner reads every tenant's rows
-- for this one statement (FORCE is lifted inside this migration's transaction and put back).
ALTER TABLE referral NO FORCE ROW LEVEL SECURITY;
ALTER TABLE referral_status_change NO FORCE ROW LEVEL SECURITY;
ALTER TABLE delivered_session NO FORCE ROW LEVEL SECURITY;
ALTER TABLE enrolment NO FORCE ROW LEVEL SECURITY;
ALTER TABLE card_milestone NO FORCE ROW LEVEL SECURITY;
ALTER TABLE end_of_service_report NO FORCE ROW LEVEL SECURITY;
ALTER TABLE outcome_rating NO FORCE ROW LEVEL SECURITY;
ALTER TABLE referral_measure NO FORCE ROW LEVEL SECURITY;

INSERT INTO referral_measure (agency_tenant_id, partner_tenant_id, referral_id, sending_office, programme_area,
                              service_type, client_sex, age_band, status, sent_at, sent_on, accepted_at, declined_at,
                              decline_reason, withdrawn_at, concluded_at, conclusion, ended_early_reason,
                              first_session_on, sessions_attended, sessions_late, sessions_missed, outcomes_rated,
                              outcomes_achieved, outcomes_partly, enrolment_confirmed, enrolment_completed, cards_issued)
SELECT r.agency_tenant_id, r.partner_tenant_id, r.id, r.sending_office, r.programme_area, r.service_type, r.client_sex,
       age_band(r.client_date_of_birth, (r.sent_at AT TIME ZONE 'UTC')::date), r.status, r.sent_at,
       (r.sent_at AT TIME ZONE 'UTC')::date,
       h.accepted_at, h.declined_at, h.decline_reason, h.withdrawn_at, h.concluded_at, h.conclusion, h.ended_early_reason,
       s.first_on, coalesce(s.attended, 0), coalesce(s.late, 0), coalesce(s.missed, 0),
       coalesce(o.rated, 0), coalesce(o.achieved, 0), coalesce(o.partly, 0),
       coalesce(en.confirmed, false), coalesce(en.completed, false), coalesce(c.issued, 0)
  FROM referral r
  LEFT JOIN LATERAL (
        SELECT min(changed_at) FILTER (WHERE to_status = 'ACCEPTED') AS accepted_at,
               max(changed_at) FILTER (WHERE to_status = 'DECLINED') AS declined_at,
               max(reason_code) FILTER (WHERE to_status = 'DECLINED') AS decline_reason,
               max(changed_at) FILTER (WHERE to_status = 'WITHDRAWN') AS withdrawn_at,
               max(changed_at) FILTER (WHERE to_status IN ('COMPLETED', 'ENDED_EARLY')) AS concluded_at,
               max(to_status) FILTER (WHERE to_status IN ('COMPLETED', 'ENDED_EARLY')) AS conclusion,
               max(reason_code) FILTER (WHERE to_status = 'ENDED_EARLY') AS ended_early_reason
          FROM referral_status_change WHERE agency_tenant_id = r.agency_tenant_id AND referral_id = r.id) h ON true
  LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE attendance = 'ATTENDED') AS attended,
               count(*) FILTER (WHERE attendance = 'LATE') AS late,
               count(*) FILTER (WHERE attendance = 'DID_NOT_ATTEND') AS missed,
               min(session_date) FILTER (WHERE attendance IN ('ATTENDED', 'LATE')) AS first_on
          FROM delivered_session WHERE agency_tenant_id = r.agency_tenant_id AND referral_id = r.id) s ON true
  LEFT JOIN LATERAL (
        SELECT count(o.id) AS rated, count(o.id) FILTER (WHERE o.rating = 'ACHIEVED') AS achieved,
               count(o.id) FILTER (WHERE o.rating = 'PARTLY_ACHIEVED') AS partly
          FROM end_of_service_report e JOIN outcome_rating o ON o.agency_tenant_id = e.agency_tenant_id AND o.report_id = e.id
         WHERE e.agency_tenant_id = r.agency_tenant_id AND e.referral_id = r.id) o ON true
  LEFT JOIN LATERAL (
        SELECT bool_or(status IN ('CONFIRMED', 'COMPLETED', 'DROPPED_OUT')) AS confirmed,
               bool_or(status = 'COMPLETED') AS completed
          FROM enrolment WHERE agency_tenant_id = r.agency_tenant_id AND referral_id = r.id) en ON true
  LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE issued_on IS NOT NULL) AS issued
          FROM card_milestone WHERE agency_tenant_id = r.agency_tenant_id AND referral_id = r.id) c ON true
 WHERE r.sent_at IS NOT NULL;

ALTER TABLE referral FORCE ROW LEVEL SECURITY;
ALTER TABLE referral_status_change FORCE ROW LEVEL SECURITY;
ALTER TABLE delivered_session FORCE ROW LEVEL SECURITY;
ALTER TABLE enrolment FORCE ROW LEVEL SECURITY;
ALTER TABLE card_milestone FORCE ROW LEVEL SECURITY;
ALTER TABLE end_of_service_report FORCE ROW LEVEL SECURITY;
ALTER TABLE outcome_rating FORCE ROW LEVEL SECURITY;
ALTER TABLE referral_measure FORCE ROW LEVEL SECURITY;

GRANT SELECT ON referral_measure TO ${app_role};
