-- Reintegra schema, version 14: the performance screen's filter lists at national volume
-- (docs/benchmarks.md).
--
-- The office filter and the partner (or agency) filter list the distinct values the caller's
-- measured referrals hold: a handful of offices and at most a few hundred organisations among
-- hundreds of thousands of rows. With these indexes PerformanceService walks from one value to the
-- next (one short index descent per value) instead of reading every row. The columns are set when a
-- referral is sent and rarely change, so the measures' frequent updates stay heap-only (HOT).
CREATE INDEX referral_measure_agency_offices ON referral_measure (agency_tenant_id, sending_office);
CREATE INDEX referral_measure_partner_offices ON referral_measure (partner_tenant_id, sending_office);
CREATE INDEX referral_measure_agency_partners ON referral_measure (agency_tenant_id, partner_tenant_id);
CREATE INDEX referral_measure_partner_agencies ON referral_measure (partner_tenant_id, agency_tenant_id);
