package org.reintegra.organisation;

import org.reintegra.tenancy.TenantId;

/** What screens show of an organisation. */
public record OrganisationSummary(TenantId id, OrganisationKind kind, String name) {
}
