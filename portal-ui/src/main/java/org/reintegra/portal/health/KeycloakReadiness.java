package org.reintegra.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the Keycloak realm answers its discovery document within three seconds. */
@Readiness
@ApplicationScoped
public class KeycloakReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    @ConfigProperty(name = "reintegra.oidc.provider-uri")
    String providerUri;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Override
    public HealthCheckResponse call() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                            URI.create(providerUri + "/.well-known/openid-configuration")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return HealthCheckResponse.named("keycloak").status(response.statusCode() == 200)
                    .withData("status", response.statusCode()).build();
        } catch (IOException unreachable) {
            return HealthCheckResponse.named("keycloak").down().withData("error", "unreachable").build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("keycloak").down().withData("error", "interrupted").build();
        }
    }
}
