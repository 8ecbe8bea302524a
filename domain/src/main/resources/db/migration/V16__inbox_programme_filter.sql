-- Reintegra schema, version 16: the inbox's programme filter at national volume (docs/benchmarks.md).
--
-- Filtering a list by programme read every referral of the organisation, for the view counts and
-- often for the page too: 250-290 ms for the largest agency and partner, whether the programme had
-- 110,000 referrals or none. Two changes:
--
-- 1. The count indexes (V13) take the programme after the tenant. Counts of a filtered list read only
--    that programme's entries (agency: 280 -> 25 ms; a programme the partner does not deliver:
--    250 -> 0.04 ms); an unfiltered list still reads the tenant's range, index only, as before.
-- 2. Statistics of tenant and programme together. A partner usually delivers one or two programmes;
--    without them PostgreSQL took the programmes as spread alike over every organisation, expected
--    matches where there were none and walked the whole list in order looking for a page
--    (280 ms). With them it reads the few matching rows through the count index (0.05 ms).
--    The lists of common values are kept by the database: pg_stats_ext shows them only to the
--    table's owner and never where row-level security applies, like pg_stats.
DROP INDEX referral_agency_counts;
CREATE INDEX referral_agency_counts ON referral (agency_tenant_id, programme_area, status)
    INCLUDE (partner_tenant_id, sent_at, agency_attention);
DROP INDEX referral_partner_counts;
CREATE INDEX referral_partner_counts ON referral (partner_tenant_id, programme_area, status)
    INCLUDE (agency_tenant_id, sent_at, partner_attention, assigned_caseworker)
    WHERE sent_at IS NOT NULL;

CREATE STATISTICS referral_agency_programme (mcv) ON agency_tenant_id, programme_area FROM referral;
CREATE STATISTICS referral_partner_programme (mcv) ON partner_tenant_id, programme_area FROM referral;
-- every partner's programmes in the list of common pairs (hundreds of partners, a few programmes each)
ALTER STATISTICS referral_partner_programme SET STATISTICS 1000;
ANALYZE referral;
