-- Reintegra schema, version 15: the inbox's sending-office filter at national volume
-- (docs/benchmarks.md, the load driver).
--
-- The filter lists the distinct sending offices of the caller's referrals: a handful of values among
-- hundreds of thousands of rows, read on every opening of the inbox (235 ms for the largest partner,
-- 190 ms for the largest agency). ReferralService walks these indexes one office at a time instead.
CREATE INDEX referral_agency_offices ON referral (agency_tenant_id, sending_office);
CREATE INDEX referral_partner_offices ON referral (partner_tenant_id, sending_office)
    WHERE sent_at IS NOT NULL;
