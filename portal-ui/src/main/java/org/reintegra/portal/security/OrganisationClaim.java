package org.reintegra.portal.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.reintegra.tenancy.TenantId;

/**
 * Reads the tenant from Keycloak's {@code organization} claim. Keycloak sends either a list of
 * organisation aliases or an object keyed by alias; exactly one organisation makes a tenant, none
 * or several make none (the user then sees no tenant data at all).
 */
public final class OrganisationClaim {

    static final String CLAIM = "organization";

    /**
     * One reader factory: {@code Json.createReader} looks the JSON provider up through the service
     * loader on every call, which scanned the class path on each API request (4% of the intake
     * API's processing in the profile, docs/benchmarks.md).
     */
    private static final jakarta.json.JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of());

    private OrganisationClaim() {
    }

    /** The tenant named by a signed JWT's payload (the signature was checked by the mechanism). */
    public static Optional<TenantId> tenantOf(String jwt) {
        if (jwt == null) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        try (JsonReader reader = READERS.createReader(new StringReader(payload))) {
            return tenantOf(reader.readObject());
        }
    }

    static Optional<TenantId> tenantOf(JsonObject claims) {
        JsonValue claim = claims.get(CLAIM);
        List<String> aliases = new ArrayList<>();
        if (claim == null) {
            return Optional.empty();
        } else if (claim.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue value : claim.asJsonArray()) {
                if (!(value instanceof JsonString alias)) {
                    return Optional.empty(); // not the shape Keycloak sends
                }
                aliases.add(alias.getString());
            }
        } else if (claim.getValueType() == JsonValue.ValueType.OBJECT) {
            aliases.addAll(claim.asJsonObject().keySet());
        } else if (claim instanceof JsonString s) {
            aliases.add(s.getString());
        }
        if (aliases.size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(TenantId.of(aliases.get(0)));
        } catch (IllegalArgumentException notATenant) {
            return Optional.empty();
        }
    }
}
