package org.reintegra.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.reintegra.portal.security.KeycloakAvailability;

/**
 * Ready when the Keycloak realm answers its discovery document (the same look, at most five seconds
 * old, that decides whether browser sign-ins go to Keycloak).
 */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

    @Inject
    KeycloakAvailability keycloak;

    @Override
    public HealthCheckResponse call() {
        boolean up = keycloak.reachable();
        int status = keycloak.lastStatus();
        return status == 0
                ? HealthCheckResponse.named("keycloak").down().withData("error", "unreachable").build()
                : HealthCheckResponse.named("keycloak").status(up).withData("status", status).build();
    }
}
