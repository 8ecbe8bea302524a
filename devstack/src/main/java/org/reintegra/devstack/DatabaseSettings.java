package org.reintegra.devstack;

/**
 * How the portal reaches its database: the JDBC URL, the owner role that runs migrations, and the
 * application role the portal connects as.
 */
public record DatabaseSettings(String jdbcUrl, String ownerUser, String ownerPassword, String appUser,
                               String appPassword) {
}
