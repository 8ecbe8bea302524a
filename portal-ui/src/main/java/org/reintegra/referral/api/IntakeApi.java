package org.reintegra.referral.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The JAX-RS application of the intake API (browser pages are Vaadin's, outside {@code /api}). */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Reintegra intake API", version = "1",
                description = "Referrals from an agency's case-management system: create and send (one, or up to 100"
                        + " in one all-or-nothing batch), read status and history, list changes since a time, amend, withdraw. Authenticate with a Keycloak access"
                        + " token of your agency's client (client-credentials grant). Every state-changing call needs an"
                        + " Idempotency-Key header. Errors are RFC 9457 problem details."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class IntakeApi extends Application {
}
