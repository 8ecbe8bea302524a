-- Search referrals and clients by client name or reference. The search key is lower-cased by the application
-- (Java's Unicode case mapping: Cyrillic and Latin alike, whatever the database's locale) and
-- indexed with trigrams so that "contains" searches use the index. Existing rows are filled with
-- ICU's root case mapping, the database-side equivalent (lower() under the C locale would leave
-- Cyrillic as it is).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Existing rows are filled by the owner, which FORCE ROW LEVEL SECURITY would filter down to none:
-- the force is lifted for this one statement, inside this migration's transaction.
ALTER TABLE referral ADD COLUMN search_key varchar(300);
ALTER TABLE referral NO FORCE ROW LEVEL SECURITY;
UPDATE referral SET search_key = lower((client_given_name || ' ' || client_family_name || ' ' || reference) COLLATE "und-x-icu");
ALTER TABLE referral FORCE ROW LEVEL SECURITY;
ALTER TABLE referral ALTER COLUMN search_key SET NOT NULL;

CREATE INDEX referral_search ON referral USING gin (search_key gin_trgm_ops);
-- the partner's views filter on status within its inbox
CREATE INDEX referral_partner_status ON referral (partner_tenant_id, status, status_changed_at DESC, id DESC)
    WHERE sent_at IS NOT NULL;

ALTER TABLE client ADD COLUMN search_key varchar(300);
ALTER TABLE client NO FORCE ROW LEVEL SECURITY;
UPDATE client SET search_key = lower((given_name || ' ' || family_name || ' ' || reference) COLLATE "und-x-icu");
ALTER TABLE client FORCE ROW LEVEL SECURITY;
ALTER TABLE client ALTER COLUMN search_key SET NOT NULL;
CREATE INDEX client_search ON client USING gin (search_key gin_trgm_ops);
