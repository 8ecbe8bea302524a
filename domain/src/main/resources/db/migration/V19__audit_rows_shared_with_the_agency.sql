-- Reintegra schema, version 19: an audit row about an agency's referral, written by someone outside
-- that agency (a partner's staff), names the agency in a column of its own (ADR 0020,
-- docs/benchmarks.md "The audit trail at volume").
--
-- Schema V11 let the agency read such rows through a policy that looked the row's referral up:
-- EXISTS (SELECT 1 FROM referral ...). PostgreSQL answered it by building a hash of all the agency's
-- referral ids for each statement (550,000 ids on the national data set, 0.4 s), and no index gave
-- the agency's trail in time order, so its audit viewer read the whole audit table for a page: 13.7 s
-- for the first page of a month with 5.6 million entries.
--
-- Now the row carries the agency (shared_with_agency), the policy compares that column, and an index
-- in time order per agency lets the viewer walk the agency's own rows and the rows shared with it as
-- two ordered index scans.
--
-- Nobody chooses the column's value: a trigger sets it on every insert from the referral as the
-- writer's own row-level security shows it (SECURITY INVOKER), and the application cannot change
-- audit rows afterwards (it has SELECT and INSERT only). A writer who names a referral it cannot see
-- shares the row with nobody; a row written by the referral's own agency is shared with nobody
-- either (it is the agency's already), so the two scans never return the same row.

-- The migration runs in one transaction and holds audit_event and referral locked until it ends;
-- on the local national data set that was 165 s. A large production database can add the column
-- and fill it in batches before the release (the UPDATE below over ranges of ids, as the superuser);
-- the migration then only fills what is left.
ALTER TABLE audit_event ADD COLUMN IF NOT EXISTS shared_with_agency varchar(63);

-- built again below with the new column included; dropped first so that the backfill does not
-- maintain it
DROP INDEX audit_event_timeline;

-- Existing rows: the owner is filtered by FORCE row-level security like everyone else, so the
-- backfill lifts it on the two tables it reads for this statement only (as V2 and V4 did). It
-- shares exactly the rows the V11 policy showed the agency, other than its own.
ALTER TABLE audit_event NO FORCE ROW LEVEL SECURITY;
ALTER TABLE referral NO FORCE ROW LEVEL SECURITY;
UPDATE audit_event a
   SET shared_with_agency = r.agency_tenant_id
  FROM referral r
 WHERE r.id = a.referral_id
   AND r.agency_tenant_id <> a.tenant_id
   AND a.shared_with_agency IS DISTINCT FROM r.agency_tenant_id;
ALTER TABLE referral FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;

-- a row is never shared with the organisation that wrote it, whoever writes it (the trigger below
-- does not run for the data generator, or for an operator's repair): the viewer's two parts of an
-- agency's trail would show such a row twice
ALTER TABLE audit_event ADD CONSTRAINT audit_event_not_shared_with_its_writer CHECK (shared_with_agency <> tenant_id);

CREATE FUNCTION audit_event_shared_with_agency() RETURNS trigger LANGUAGE plpgsql
    SET search_path = public, pg_temp AS $$
BEGIN
    NEW.shared_with_agency := NULL;
    IF NEW.referral_id IS NOT NULL THEN
        -- under the writer's row-level security: a referral it cannot see is not found (referral ids
        -- come from one sequence, so there is at most one)
        SELECT r.agency_tenant_id INTO NEW.shared_with_agency FROM referral r WHERE r.id = NEW.referral_id;
        IF NEW.shared_with_agency = NEW.tenant_id THEN
            NEW.shared_with_agency := NULL;
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_event_shared_with_agency BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_shared_with_agency();

DROP POLICY audit_event_agency_referrals ON audit_event;
CREATE POLICY audit_event_shared_with_agency ON audit_event FOR SELECT
    USING (shared_with_agency = (SELECT current_setting('app.tenant_id', true)));

-- The rows shared with an agency, newest first: the agency's second part of its trail, beside its
-- own rows in audit_event_timeline (V11's index, built again). Each of the two indexes also holds the other column the
-- policies read, so that the viewer's counts are read from the index alone (10,001 entries of a
-- partner's month in 2.7-3.9 ms instead of 9 ms).
CREATE INDEX audit_event_timeline ON audit_event (tenant_id, occurred_at DESC, id DESC) INCLUDE (shared_with_agency);
CREATE INDEX audit_event_agency_timeline ON audit_event (shared_with_agency, occurred_at DESC, id DESC) INCLUDE (tenant_id)
    WHERE shared_with_agency IS NOT NULL;
-- who did what with the agency's referrals (audit_event_by_actor for the agency's own rows)
CREATE INDEX audit_event_agency_by_actor ON audit_event (shared_with_agency, actor, occurred_at DESC)
    WHERE shared_with_agency IS NOT NULL;

-- Statistics now; the visibility map that lets counts skip the table comes with the next vacuum
-- (autovacuum, or VACUUM (ANALYZE) audit_event after the release: it cannot run in a transaction).
ANALYZE audit_event;
