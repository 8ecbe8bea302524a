package org.reintegra.portal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether Keycloak answers: its realm's discovery document within two seconds. The answer is kept
 * for five seconds, so a Keycloak outage costs at most one request a short wait every five seconds,
 * and recovery is noticed within five seconds.
 *
 * <p>One request at a time asks Keycloak; requests that arrive while it waits use the answer
 * before it. Before stop 24 every request that arrived after the five seconds asked on its own: at
 * 500 users dozens of probes reached a busy Keycloak at once, one of them took longer than two
 * seconds, and the portal then refused new sign-ins for five seconds as if Keycloak were down
 * (docs/benchmarks.md).
 */
@ApplicationScoped
public class KeycloakAvailability {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final long REMEMBER_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Logger LOG = Logger.getLogger(KeycloakAvailability.class.getName());

    @Inject
    @ConfigProperty(name = "reintegra.oidc.provider-uri")
    String providerUri;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile boolean reachable = true;
    private volatile long checkedAt;
    private volatile int lastStatus;
    private final AtomicBoolean probing = new AtomicBoolean();

    public boolean reachable() {
        if (recentlyChecked() || !probing.compareAndSet(false, true)) {
            return reachable;
        }
        try {
            if (recentlyChecked()) {
                return reachable; // another request asked while this one arrived
            }
            return probeAndRemember();
        } finally {
            probing.set(false);
        }
    }

    private boolean recentlyChecked() {
        long at = checkedAt;
        return at != 0 && System.nanoTime() - at < REMEMBER_NANOS;
    }

    private boolean probeAndRemember() {
        boolean before = reachable;
        boolean answers = probe();
        reachable = answers;
        checkedAt = System.nanoTime();
        if (before != answers) {
            LOG.log(answers ? Level.INFO : Level.WARNING, answers
                    ? "Keycloak answers again; sign-in and token refresh resume"
                    : "Keycloak did not answer (HTTP status {0}, 0 = no answer within {1} s): signed-in sessions continue"
                      + " on their tokens, new sign-ins are told sign-in is unavailable",
                    new Object[] {lastStatus, TIMEOUT.toSeconds()});
        }
        return answers;
    }

    /** The HTTP status of the last probe, 0 when Keycloak did not answer. */
    public int lastStatus() {
        return lastStatus;
    }

    private boolean probe() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                            URI.create(providerUri + "/.well-known/openid-configuration")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            lastStatus = response.statusCode();
            return response.statusCode() == 200;
        } catch (IOException unreachable) {
            lastStatus = 0;
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            lastStatus = 0;
            return false;
        }
    }
}
