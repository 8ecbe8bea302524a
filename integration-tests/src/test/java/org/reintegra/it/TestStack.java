package org.reintegra.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.reintegra.devstack.DatabaseSettings;
import org.reintegra.devstack.EmbeddedDatabase;
import org.reintegra.devstack.KeycloakServer;

/**
 * The real services the integration tests run against, started once per test run: a fresh
 * embedded PostgreSQL, a Keycloak with the demo realm, and a real SMTP server (GreenMail) that
 * receives the portal's notification mail. Payara Micro is started by Arquillian
 * and finds both through the REINTEGRA_* environment variables that Failsafe sets (see the pom).
 */
public final class TestStack {

    private static TestStack running;

    private final EmbeddedDatabase database;
    private KeycloakServer keycloak;
    private final GreenMail mail;

    private TestStack(EmbeddedDatabase database, KeycloakServer keycloak, GreenMail mail) {
        this.database = database;
        this.keycloak = keycloak;
        this.mail = mail;
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
                        environment("REINTEGRA_OIDC_CLIENT_SECRET"), environment("REINTEGRA_IT_API_CLIENT_SECRET"),
                        environment("REINTEGRA_KEYCLOAK_ADMIN_CLIENT_SECRET"), Integer.parseInt(setting("reintegra.it.smtp-port")),
                        work.resolve("keycloak.log")));
            } catch (Exception e) {
                throw new IllegalStateException("Keycloak did not start", e);
            }
        });
        Path data = work.resolve("postgres");
        deleteTree(data);
        EmbeddedDatabase database = EmbeddedDatabase.start(data, Integer.parseInt(setting("reintegra.it.db-port")),
                environment("REINTEGRA_DB_OWNER_PASSWORD"), environment("REINTEGRA_DB_APP_PASSWORD"));
        GreenMail mail = new GreenMail(new ServerSetup(Integer.parseInt(setting("reintegra.it.smtp-port")), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        mail.start();
        running = new TestStack(database, keycloak.join(), mail);
    }

    static synchronized void stop() throws Exception {
        if (running == null) {
            return;
        }
        try {
            running.mail.stop();
            running.keycloak.close();
        } finally {
            running.database.close();
            running = null;
        }
    }

    /** Work to do while Keycloak is stopped. */
    @FunctionalInterface
    interface WhileDown {
        void run() throws Exception;
    }

    /** Stops Keycloak, does the work, and starts Keycloak again with the same settings and data. */
    synchronized void withKeycloakDown(WhileDown work) throws Exception {
        KeycloakServer.Settings settings = keycloak.settings();
        keycloak.close();
        try {
            work.run();
        } finally {
            keycloak = KeycloakServer.start(settings);
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

    /** An access token of an intake-API client (client-credentials grant with the test clients' secret). */
    public String apiToken(String client) throws java.io.IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + client + "&client_secret="
                + java.net.URLEncoder.encode(environment("REINTEGRA_IT_API_CLIENT_SECRET"), java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(realmUri() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("Keycloak refused a token to " + client + ": " + response.statusCode() + " " + response.body());
        }
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(response.body()))) {
            String token = reader.readObject().getString("access_token", null);
            if (token == null) {
                throw new AssertionError("Keycloak's answer carries no access token: " + response.body());
            }
            return token;
        }
    }

    /** Every mail the SMTP server has received so far. */
    public MimeMessage[] receivedMail() {
        return mail.getReceivedMessages();
    }

    /** Waits until a mail to an address containing {@code recipient} with {@code subjectPart} in its subject arrives. */
    public boolean awaitMail(String recipient, String subjectPart, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!mailTo(recipient, subjectPart).isEmpty()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** The received mails to an address containing {@code recipient} whose subject contains {@code subjectPart}. */
    public java.util.List<MimeMessage> mailTo(String recipient, String subjectPart) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(recipient))
                        && m.getSubject() != null && m.getSubject().contains(subjectPart);
            } catch (MessagingException unreadable) {
                return false;
            }
        }).toList();
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
