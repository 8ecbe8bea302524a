-- Reintegra schema, version 12: onboarding organisations (docs/adr/0008-onboarding-and-staff-administration.md).
--
-- tenant_onboarding belongs to the platform operator, not to a tenant: its policy matches only the
-- platform scope ('_platform' in app.tenant_id, which is never a tenant id), and no tenant's policy
-- matches the platform scope. It remembers how far each onboarding got at the identity provider, so
-- a retry completes it and a cancel removes what it made.

CREATE SEQUENCE tenant_onboarding_id_seq INCREMENT BY 50;
CREATE TABLE tenant_onboarding (
    id                        bigint        PRIMARY KEY,
    alias                     varchar(63)   NOT NULL,
    kind                      varchar(16)   NOT NULL CHECK (kind IN ('AGENCY', 'PARTNER')),
    category                  varchar(24)   NOT NULL,
    name                      varchar(200)  NOT NULL,
    admin_username            varchar(100)  NOT NULL,
    admin_given_name          varchar(100)  NOT NULL,
    admin_family_name         varchar(100)  NOT NULL,
    admin_email               varchar(200)  NOT NULL,
    admin_language            varchar(8)    NOT NULL,
    state                     varchar(16)   NOT NULL CHECK (state IN ('IN_PROGRESS', 'FAILED', 'COMPLETED', 'CANCELLED')),
    identity_organisation_id  varchar(64),
    identity_account_id       varchar(64),
    tenant_created            boolean       NOT NULL DEFAULT false,
    invitation_sent_at        timestamptz,
    failed_step               varchar(24),
    failure                   varchar(40),
    requested_by              varchar(100)  NOT NULL,
    requested_at              timestamptz   NOT NULL,
    updated_at                timestamptz   NOT NULL,
    version                   bigint        NOT NULL,
    CONSTRAINT tenant_onboarding_completed CHECK (state <> 'COMPLETED' OR (tenant_created AND invitation_sent_at IS NOT NULL)),
    CONSTRAINT tenant_onboarding_cancel_before_tenant CHECK (state <> 'CANCELLED' OR NOT tenant_created)
);
-- one open onboarding per short name (a cancelled one frees it)
CREATE UNIQUE INDEX tenant_onboarding_alias_open ON tenant_onboarding (alias) WHERE state <> 'CANCELLED';
CREATE INDEX tenant_onboarding_by_time ON tenant_onboarding (requested_at DESC, id DESC);

ALTER TABLE tenant_onboarding ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_onboarding FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_onboarding_platform ON tenant_onboarding
    USING (current_setting('app.tenant_id', true) = '_platform')
    WITH CHECK (current_setting('app.tenant_id', true) = '_platform');

GRANT SELECT, INSERT, UPDATE ON tenant_onboarding TO ${app_role};
GRANT USAGE, SELECT ON SEQUENCE tenant_onboarding_id_seq TO ${app_role};
