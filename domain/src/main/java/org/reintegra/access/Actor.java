package org.reintegra.access;

import java.util.Objects;
import org.reintegra.tenancy.TenantId;

/** The person doing something, as aggregates record it: their user name and their tenant. */
public record Actor(String username, TenantId tenant) {

    public Actor {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(tenant, "tenant");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username is blank");
        }
    }
}
