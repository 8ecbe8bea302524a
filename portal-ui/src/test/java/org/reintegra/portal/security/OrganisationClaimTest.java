package org.reintegra.portal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reintegra.tenancy.TenantId;

/** The tenant comes from exactly one organisation in the token; anything else gives no tenant. */
class OrganisationClaimTest {

    private static Optional<TenantId> tenantOf(String payloadJson) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return OrganisationClaim.tenantOf("e30." + payload + ".signature");
    }

    @Test
    void aListWithOneOrganisationNamesTheTenant() {
        assertEquals(Optional.of(TenantId.of("justice-art-ngo")), tenantOf("{\"organization\":[\"justice-art-ngo\"]}"));
    }

    @Test
    void anObjectKeyedByOneAliasNamesTheTenant() {
        JsonObject claims = Json.createObjectBuilder()
                .add("organization", Json.createObjectBuilder().add("new-path-ngo", Json.createObjectBuilder())).build();
        assertEquals(Optional.of(TenantId.of("new-path-ngo")), OrganisationClaim.tenantOf(claims));
    }

    @Test
    void twoOrganisationsGiveNoTenant() {
        assertEquals(Optional.empty(), tenantOf("{\"organization\":[\"justice-art-ngo\",\"new-path-ngo\"]}"));
    }

    @Test
    void noOrganisationGivesNoTenant() {
        assertEquals(Optional.empty(), tenantOf("{\"preferred_username\":\"platform.admin\"}"));
        assertEquals(Optional.empty(), tenantOf("{\"organization\":[]}"));
    }

    @Test
    void aListWithAnythingButAliasesGivesNoTenant() {
        assertEquals(Optional.empty(), tenantOf("{\"organization\":[\"justice-art-ngo\", 7]}"));
    }

    @Test
    void anAliasThatIsNotATenantIdGivesNoTenant() {
        assertEquals(Optional.empty(), tenantOf("{\"organization\":[\"Justice Art; DROP\"]}"));
    }

    @Test
    void noTokenGivesNoTenant() {
        assertEquals(Optional.empty(), OrganisationClaim.tenantOf((String) null));
        assertEquals(Optional.empty(), OrganisationClaim.tenantOf("not-a-jwt"));
    }
}
