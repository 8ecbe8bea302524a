-- Reintegra schema, version 13: the inbox's counts at national volume (docs/benchmarks.md).
--
-- Every inbox shows how many referrals each view holds (one grouped count by status and a count per
-- other view). For an agency with half a million referrals those counts read the table's rows;
-- these covering indexes hold every column the counts, the row-level security policy and
-- EclipseLink's criteria on the shared entity look at, so PostgreSQL answers from the index alone
-- (index-only scans, once autovacuum has marked the pages all-visible).
CREATE INDEX referral_agency_counts ON referral (agency_tenant_id, status)
    INCLUDE (partner_tenant_id, sent_at, agency_attention);
CREATE INDEX referral_partner_counts ON referral (partner_tenant_id, status)
    INCLUDE (agency_tenant_id, sent_at, partner_attention, assigned_caseworker)
    WHERE sent_at IS NOT NULL;
