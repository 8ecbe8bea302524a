-- Reintegra schema, version 11: reading the audit trail.
--
-- An agency answers for its referrals wherever they went: its liaison officers see who read or
-- changed them, also at the partner (for the audit viewer and a client's subject access export).
-- Audit rows stay owned by the tenant of the person who acted; this read policy adds, for the
-- agency, the rows of other tenants that concern a referral the agency sent (the subquery runs
-- under the referral's own policy). Nobody else gains anything.
CREATE POLICY audit_event_agency_referrals ON audit_event FOR SELECT
    USING (referral_id IS NOT NULL
           AND EXISTS (SELECT 1 FROM referral r
                        WHERE r.id = audit_event.referral_id
                          AND r.agency_tenant_id = current_setting('app.tenant_id', true)));

-- a tenant's own trail, newest first (the partner admin's view)
CREATE INDEX audit_event_timeline ON audit_event (tenant_id, occurred_at DESC, id DESC);
-- who did what
CREATE INDEX audit_event_by_actor ON audit_event (tenant_id, actor, occurred_at DESC);
