package org.reintegra.tenancy;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identifier of a tenant (an agency or a partner organisation). It is the alias of the
 * tenant's Keycloak organisation and the value of every {@code tenant_id} column.
 */
public record TenantId(String value) implements Serializable {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a tenant id: '" + value + "'");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
