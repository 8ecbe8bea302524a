package org.reintegra.identity;

/** An organisation at the identity provider: its id there, its alias (the tenant id), its name and the portal's marker. */
public record IdentityOrganisation(String id, String alias, String name, String marker) {
}
