package org.reintegra.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the portal on this machine: embedded PostgreSQL (unless REINTEGRA_DB_URL names another
 * database), a local Keycloak with the demo realm, and Payara Micro with the portal and its demo
 * data. Ctrl-C stops all three; a second start keeps the data.
 */
public final class RunPortal {

    private RunPortal() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Exception | Error e) {
            // Exit, so that the shutdown hook stops whatever did start (Maven's exec would otherwise
            // wait for the servers' threads and leave them running).
            System.err.println("The local stack did not start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        long started = System.nanoTime();
        Path home = Path.of(StackConfig.value("reintegra.home", System.getProperty("user.home") + "/.reintegra"));
        int portalPort = StackConfig.port("reintegra.port", 8080);
        int databasePort = StackConfig.port("reintegra.db.port", 25432);
        int keycloakPort = StackConfig.port("reintegra.keycloak.port", 28180);
        int keycloakManagementPort = StackConfig.port("reintegra.keycloak.management-port", 28190);
        int hazelcastPort = StackConfig.port("reintegra.hazelcast.port", 26900);
        int smtpPort = StackConfig.port("reintegra.mail.smtp.port", 2525);
        Secrets secrets = Secrets.in(home);
        Path logs = home.resolve("logs");
        Secrets.createPrivateDirectory(logs);

        // registered first, so that whatever has started is stopped, also when a later step fails
        AtomicReference<PayaraMicroProcess> payara = new AtomicReference<>();
        AtomicReference<EmbeddedDatabase> embedded = new AtomicReference<>();
        AtomicReference<CompletableFuture<KeycloakServer>> keycloak = new AtomicReference<>();
        AtomicReference<MailCatcher> mail = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the portal, Keycloak and the database ...");
            Optional.ofNullable(payara.get()).ifPresent(PayaraMicroProcess::close);
            Optional.ofNullable(mail.get()).ifPresent(MailCatcher::close);
            Optional.ofNullable(keycloak.get()).ifPresent(k -> k.thenAccept(KeycloakServer::close).exceptionally(e -> null));
            Optional.ofNullable(embedded.get()).ifPresent(database -> {
                try {
                    database.close();
                } catch (Exception e) {
                    System.err.println("The database did not stop cleanly: " + e.getMessage());
                }
            });
            stopped.countDown();
        }, "reintegra-stop"));

        String clientSecret = secrets.get("reintegra.oidc.client-secret");
        AtomicReference<Double> keycloakReadySeconds = new AtomicReference<>();
        keycloak.set(CompletableFuture.supplyAsync(() -> {
            try {
                KeycloakServer server = KeycloakServer.start(new KeycloakServer.Settings(StackConfig.path("reintegra.keycloak-archive"),
                        home.resolve("keycloak"), "127.0.0.1", keycloakPort, keycloakManagementPort,
                        "admin", secrets.get("reintegra.keycloak.admin-password"), clientSecret,
                        secrets.get("reintegra.api.client-secret"), secrets.get("reintegra.keycloak.admin-client-secret"),
                        smtpPort, logs.resolve("keycloak.log"), true));
                keycloakReadySeconds.set((System.nanoTime() - started) / 1e9);
                return server;
            } catch (Exception e) {
                throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
            }
        }));

        DatabaseSettings database;
        String externalUrl = StackConfig.value("reintegra.db.url", null);
        if (externalUrl == null) {
            embedded.set(EmbeddedDatabase.start(home.resolve("postgres"), databasePort,
                    secrets.get("reintegra.db.owner-password"), secrets.get("reintegra.db.app-password")));
            database = embedded.get().settings();
        } else {
            database = new DatabaseSettings(externalUrl, StackConfig.value("reintegra.db.owner-user", "reintegra_owner"),
                    secrets.get("reintegra.db.owner-password"), StackConfig.value("reintegra.db.app-user", "reintegra_app"),
                    secrets.get("reintegra.db.app-password"));
        }

        double databaseSeconds = (System.nanoTime() - started) / 1e9; // or its settings read, when external
        Map<String, String> environment = new LinkedHashMap<>(portalEnvironment(database,
                "http://127.0.0.1:" + keycloakPort + "/realms/reintegra", clientSecret));
        environment.put("REINTEGRA_DEMO_DATA", StackConfig.value("reintegra.demo-data", "true"));
        mail.set(MailCatcher.start(smtpPort, logs.resolve("mail.log")));
        environment.put("REINTEGRA_MAIL_SMTP_PORT", Integer.toString(smtpPort));
        environment.put("REINTEGRA_KEYCLOAK_ADMIN_CLIENT_SECRET", secrets.get("reintegra.keycloak.admin-client-secret"));
        environment.put("REINTEGRA_PORTAL_BASE_URL", "http://127.0.0.1:" + portalPort + "/");
        payara.set(PayaraMicroProcess.start(PayaraMicroProcess.Settings.alone(
                StackConfig.path("reintegra.payara-jar"), StackConfig.path("reintegra.portal-war"),
                home.resolve("payara"), portalPort, hazelcastPort, StackConfig.value("reintegra.payara.max-heap", "3g"),
                StackConfig.value("reintegra.payara.young-heap", "2g"), environment, logs.resolve("payara.log"))));

        double payaraLaunchedSeconds = (System.nanoTime() - started) / 1e9;
        KeycloakServer identity = keycloak.get().join();
        payara.get().awaitReady(Duration.ofMinutes(4));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%n  Reintegra is running at %s  (ready in %.1f s)%n", payara.get().baseUri(), seconds);
        System.out.printf("  (database ready at %.1f s, Payara Micro launched at %.1f s, Keycloak ready at %.1f s)%n",
                databaseSeconds, payaraLaunchedSeconds, keycloakReadySeconds.get());
        System.out.printf("  Keycloak: %s   Database: %s%n", identity.realmUri(), database.jdbcUrl());
        System.out.printf("  Data and logs: %s   Notification mail: %s%n", home, logs.resolve("mail.log"));
        System.out.printf("  Intake API: %sapi/v1/referrals (clients npa-case-system, psp-case-system; secret"
                + " reintegra.api.client-secret in %s)%n", payara.get().baseUri(), home.resolve("secrets.properties"));
        System.out.println("  Demo sign-ins (password 'demo'): officer.nino, liaison.giorgi, admin.probation (National Probation Agency),");
        System.out.println("    officer.aibek (State Penitentiary Service), lawyer.tamar (Justice & Art NGO),");
        System.out.println("    caseworker.dana (New Path Psychosocial Centre), registrar.erlan (Central Vocational College),");
        System.out.println("    admin.justice, admin.newpath (partner admins), platform.admin (onboards organisations)");
        System.out.println("  Press Ctrl-C to stop.\n");
        stopped.await();
    }

    /** The portal's configuration as environment variables (names as MicroProfile Config maps them). */
    public static Map<String, String> portalEnvironment(DatabaseSettings database, String realmUri, String clientSecret) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("REINTEGRA_DB_URL", database.jdbcUrl());
        environment.put("REINTEGRA_DB_OWNER_USER", database.ownerUser());
        environment.put("REINTEGRA_DB_OWNER_PASSWORD", database.ownerPassword());
        environment.put("REINTEGRA_DB_APP_USER", database.appUser());
        environment.put("REINTEGRA_DB_APP_PASSWORD", database.appPassword());
        environment.put("REINTEGRA_OIDC_PROVIDER_URI", realmUri);
        environment.put("REINTEGRA_OIDC_CLIENT_SECRET", clientSecret);
        return environment;
    }
}
