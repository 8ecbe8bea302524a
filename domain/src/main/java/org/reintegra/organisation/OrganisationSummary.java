package org.reintegra.organisation;

import java.io.Serializable;
import org.reintegra.tenancy.TenantId;

/** What screens show of an organisation (serialisable: a signed-in user's is kept in the HTTP session). */
public record OrganisationSummary(TenantId id, OrganisationKind kind, String name) implements Serializable {
}
