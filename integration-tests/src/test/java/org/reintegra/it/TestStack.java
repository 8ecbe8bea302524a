package org.reintegra.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.reintegra.devstack.DatabaseSettings;
import org.reintegra.devstack.EmbeddedDatabase;
import org.reintegra.devstack.KeycloakServer;

/**
 * The real services the integration tests run against, started once per test run: a fresh
 * embedded PostgreSQL and a Keycloak with the demo realm. Payara Micro is started by Arquillian
 * and finds both through the REINTEGRA_* environment variables that Failsafe sets (see the pom).
 */
public final class TestStack {

    private static TestStack running;

    private final EmbeddedDatabase database;
    private final KeycloakServer keycloak;

    private TestStack(EmbeddedDatabase database, KeycloakServer keycloak) {
        this.database = database;
        this.keycloak = keycloak;
    }

    static synchronized void start() throws Exception {
        if (running != null) {
            return;
        }
        Path work = Path.of(setting("reintegra.it.work"));
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(() -> {
            try {
                return KeycloakServer.start(new KeycloakServer.Settings(Path.of(setting("reintegra.it.keycloak-archive")),
                        Path.of(setting("reintegra.it.keycloak-home")), "127.0.0.1",
                        Integer.parseInt(setting("reintegra.it.keycloak-port")),
                        Integer.parseInt(setting("reintegra.it.keycloak-management-port")),
                        "admin", environment("REINTEGRA_IT_KEYCLOAK_ADMIN_PASSWORD"),
                        environment("REINTEGRA_OIDC_CLIENT_SECRET"), work.resolve("keycloak.log")));
            } catch (Exception e) {
                throw new IllegalStateException("Keycloak did not start", e);
            }
        });
        Path data = work.resolve("postgres");
        deleteTree(data);
        EmbeddedDatabase database = EmbeddedDatabase.start(data, Integer.parseInt(setting("reintegra.it.db-port")),
                environment("REINTEGRA_DB_OWNER_PASSWORD"), environment("REINTEGRA_DB_APP_PASSWORD"));
        running = new TestStack(database, keycloak.join());
    }

    static synchronized void stop() throws Exception {
        if (running == null) {
            return;
        }
        try {
            running.keycloak.close();
        } finally {
            running.database.close();
            running = null;
        }
    }

    static TestStack get() {
        if (running == null) {
            throw new IllegalStateException("The test stack is not running");
        }
        return running;
    }

    public DatabaseSettings database() {
        return database.settings();
    }

    public String superuserJdbcUrl() {
        return database.superuserJdbcUrl();
    }

    public String realmUri() {
        return keycloak.realmUri();
    }

    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing system property " + name + " (set by the integration-tests pom)");
        }
        return value;
    }

    static String environment(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Missing environment variable " + name + " (set by the integration-tests pom)");
        }
        return value;
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
