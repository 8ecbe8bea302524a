/**
 * Onboarding an agency or partner organisation (the platform operator's work): the organisation and
 * its first administrator at the identity provider, the tenant's row in the database, and the
 * administrator's set-password mail. A {@link org.reintegra.onboarding.TenantOnboarding} remembers
 * how far it got, so a failure halfway is either completed by a retry or cleaned up by a cancel:
 * never a half-made tenant (ADR 0008).
 */
package org.reintegra.onboarding;
