-- Reintegra schema, version 17: the inbox's sending-office and sent-date filters at national volume
-- (docs/benchmarks.md, "The office and date filters").
--
-- Measured before (QueryBenchmark, row-level security on): the agency's counts for one office read
-- every one of its 550,000 referrals from the table (201 ms); a page of the referrals sent in one
-- month two years ago walked the agency's list in order and threw 199,000 rows away before it had
-- 50 (478 ms; the partner's, 214 ms, read all its 88,000 rows); the counts for that month read the
-- agency's whole count index (84 ms).
--
-- 1. The office indexes (V15) become covering count indexes led by the office: the filter's list of
--    offices still walks them one office at a time, and the counts for one office read that
--    office's entries only, from the index alone.
-- 2. Indexes on the day sent, covering what the counts and the row-level security policy read: a
--    date range reads its own rows (the page sorts those few for its order), and its counts come
--    from the index alone.
DROP INDEX referral_agency_offices;
CREATE INDEX referral_agency_offices ON referral (agency_tenant_id, sending_office, status)
    INCLUDE (partner_tenant_id, sent_at, agency_attention);
DROP INDEX referral_partner_offices;
CREATE INDEX referral_partner_offices ON referral (partner_tenant_id, sending_office, status)
    INCLUDE (agency_tenant_id, sent_at, partner_attention, assigned_caseworker)
    WHERE sent_at IS NOT NULL;

CREATE INDEX referral_agency_sent ON referral (agency_tenant_id, sent_at)
    INCLUDE (partner_tenant_id, status, agency_attention);
CREATE INDEX referral_partner_sent ON referral (partner_tenant_id, sent_at)
    INCLUDE (agency_tenant_id, status, partner_attention, assigned_caseworker)
    WHERE sent_at IS NOT NULL;
ANALYZE referral;
