package org.reintegra.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A local Keycloak server for development and tests, run from the Keycloak Quarkus distribution
 * ({@code org.keycloak:keycloak-quarkus-dist} tar.gz) without Docker.
 *
 * <p>{@link #start(Settings)} unpacks the distribution once into {@link Settings#home()} (an existing
 * unpack of the same version is reused, together with its data), places the {@code reintegra} realm
 * import file in {@code data/import}, fixes Keycloak's build-time options once with {@code bin/kc.sh
 * build} (Quarkus' augmentation, about 20 s, repeated only when the options change) and runs
 * {@code bin/kc.sh start --optimized --import-realm} bound to {@link Settings#host()} only: about
 * 10 s where {@code start-dev}, which augments on every start, took 20. Keycloak imports the realm on
 * the first start and skips it on later starts, so users and data created at run time survive
 * restarts (the {@code dev-file} database, H2 under {@code data/h2}: a local server, not production).
 *
 * <p>The portal client's secret never appears in a file: the realm import contains the placeholder
 * {@code ${REINTEGRA_OIDC_CLIENT_SECRET}}, which Keycloak itself resolves from the environment of the
 * server process while importing. Because the realm is imported only once, a later start with a
 * different secret would leave the old one in place; {@code start} detects that and fails.
 *
 * <p>{@link #close()} stops the server process and all its children.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Name of the realm in the bundled import file. */
    public static final String REALM = "reintegra";

    /** Client id of the portal in the bundled import file. */
    public static final String PORTAL_CLIENT_ID = "reintegra-portal";

    /** Classpath location of the realm import file. */
    private static final String REALM_RESOURCE = "/keycloak/reintegra-realm.json";

    /** Environment variable that the realm import file uses as placeholder for the portal client secret. */
    private static final String CLIENT_SECRET_VARIABLE = "REINTEGRA_OIDC_CLIENT_SECRET";

    /** Environment variable that the realm import file uses as placeholder for the intake-API clients' secret. */
    private static final String API_CLIENT_SECRET_VARIABLE = "REINTEGRA_API_CLIENT_SECRET";

    /** Environment variable that the realm import file uses as placeholder for the administration client's secret. */
    private static final String ADMIN_CLIENT_SECRET_VARIABLE = "REINTEGRA_ADMIN_CLIENT_SECRET";

    /** Environment variable that the realm import file uses as placeholder for the SMTP port. */
    private static final String SMTP_PORT_VARIABLE = "REINTEGRA_SMTP_PORT";

    /** Holds the digest of the realm file the data under {@code data/h2} was imported from. */
    private static final String REALM_DIGEST_FILE = "data/reintegra-realm.sha256";

    /**
     * Keycloak's build-time options (database kind, health endpoints, local caches that keep the
     * clustering ports closed); {@code kc.sh build} bakes them in so every start can be optimised.
     */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--health-enabled=true", "--cache=local");

    /** Holds the build-time options the unpacked server was last built with. */
    private static final String BUILD_OPTIONS_FILE = "reintegra-build-options";

    /** The local Keycloak's compiler setting unless {@code reintegra.keycloak.jvm-options} says otherwise. */
    static final String QUICK_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_GRACE_PERIOD = Duration.ofSeconds(30);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 60;

    /**
     * How to run the server.
     *
     * @param distributionArchive the {@code keycloak-quarkus-dist-<version>.tar.gz} archive
     * @param home                directory where the distribution is unpacked and keeps its data
     * @param host                the only address the server binds to, e.g. {@code 127.0.0.1}
     * @param httpPort            port of the HTTP listener (OIDC endpoints, admin console)
     * @param managementPort      port of the management interface ({@code /health})
     * @param adminUser           user name of the bootstrap administrator in the {@code master} realm
     * @param adminPassword       password of the bootstrap administrator (only used when the master realm is created)
     * @param portalClientSecret  client secret of the {@code reintegra-portal} client
     * @param apiClientSecret     client secret of the demo agencies' intake-API clients
     *                            ({@code npa-case-system}, {@code psp-case-system})
     * @param adminClientSecret   client secret of the portal's administration service account
     *                            ({@code reintegra-admin}: onboarding and staff administration)
     * @param smtpPort            port of the SMTP server on {@code host} that Keycloak sends its mail
     *                            (set-password links) through
     * @param logFile             file that receives the server's console output (appended)
     * @param classDataSharing    whether to start from a class-data archive made by an earlier run
     *                            ({@link ClassDataArchive}; about 2 s less per start, a few seconds more
     *                            at the stop that makes it)
     */
    public record Settings(Path distributionArchive, Path home, String host, int httpPort, int managementPort,
                           String adminUser, String adminPassword, String portalClientSecret, String apiClientSecret,
                           String adminClientSecret, int smtpPort, Path logFile, boolean classDataSharing) {

        /** Settings without a class-data archive (a test suite's single start would only pay for making one). */
        public Settings(Path distributionArchive, Path home, String host, int httpPort, int managementPort,
                        String adminUser, String adminPassword, String portalClientSecret, String apiClientSecret,
                        String adminClientSecret, int smtpPort, Path logFile) {
            this(distributionArchive, home, host, httpPort, managementPort, adminUser, adminPassword, portalClientSecret,
                    apiClientSecret, adminClientSecret, smtpPort, logFile, false);
        }

        public Settings {
            Objects.requireNonNull(distributionArchive, "distributionArchive");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(adminUser, "adminUser");
            Objects.requireNonNull(adminPassword, "adminPassword");
            Objects.requireNonNull(portalClientSecret, "portalClientSecret");
            Objects.requireNonNull(apiClientSecret, "apiClientSecret");
            Objects.requireNonNull(adminClientSecret, "adminClientSecret");
            requirePort(smtpPort, "smtpPort");
            Objects.requireNonNull(logFile, "logFile");
            requirePort(httpPort, "httpPort");
            requirePort(managementPort, "managementPort");
            if (httpPort == managementPort) {
                throw new IllegalArgumentException("httpPort and managementPort must differ");
            }
            if (portalClientSecret.isBlank()) {
                throw new IllegalArgumentException("portalClientSecret must not be blank");
            }
        }

        private static void requirePort(int port, String name) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(name + " out of range: " + port);
            }
        }

        /** Hides the secrets, so that settings can be logged. */
        @Override
        public String toString() {
            return "Settings[distributionArchive=" + distributionArchive + ", home=" + home + ", host=" + host
                    + ", httpPort=" + httpPort + ", managementPort=" + managementPort + ", adminUser=" + adminUser
                    + ", adminPassword=***, portalClientSecret=***, apiClientSecret=***, adminClientSecret=***, smtpPort=" + smtpPort
                    + ", logFile=" + logFile + "]";
        }
    }

    private final Settings settings;
    private final Path keycloakHome;
    private final Process process;
    private final ClassDataArchive classes;
    private final Thread shutdownHook;
    private boolean closed;
    private volatile boolean ready;

    private KeycloakServer(Settings settings, Path keycloakHome, Process process, ClassDataArchive classes) {
        this.settings = settings;
        this.keycloakHome = keycloakHome;
        this.process = process;
        this.classes = classes;
        // Safety net: do not leave a Keycloak behind when the JVM exits without close().
        this.shutdownHook = new Thread(this::stopProcessTree, "keycloak-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Unpacks (if needed) and starts Keycloak, and waits until it reports ready.
     *
     * @throws IOException          if unpacking, writing the import file or launching fails, or if the
     *                              server dies or does not become ready within 180 s (the message then
     *                              carries the tail of the log)
     * @throws IllegalStateException if a port is taken, or if the existing realm has another portal client
     *                              secret than the settings
     */
    public static KeycloakServer start(Settings settings) throws IOException, InterruptedException {
        requirePortFree(settings.host(), settings.httpPort());
        requirePortFree(settings.host(), settings.managementPort());

        Path keycloakHome = unpackDistribution(settings.distributionArchive(), settings.home());
        String realmDigest = writeRealmImport(keycloakHome, settings.smtpPort());
        forgetDataOfAnotherRealmFile(keycloakHome, realmDigest);

        Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
        buildOnce(settings, keycloakHome);
        long logOffset = Files.exists(settings.logFile()) ? Files.size(settings.logFile()) : 0;

        ClassDataArchive classes = settings.classDataSharing()
                ? ClassDataArchive.of(settings.home().resolve("cds"), "keycloak",
                        List.of(keycloakHome.resolve("lib/quarkus-run.jar"), keycloakHome.resolve(BUILD_OPTIONS_FILE)))
                : null;
        KeycloakServer server = new KeycloakServer(settings, keycloakHome, launch(settings, keycloakHome, classes), classes);
        try {
            server.awaitReady(logOffset);
            server.ready = true;
            server.verifyPortalClientSecret();
            Files.writeString(keycloakHome.resolve(REALM_DIGEST_FILE), realmDigest);
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Base URI of the server, e.g. {@code http://127.0.0.1:8180}. */
    public String baseUri() {
        return "http://" + uriHost(settings.host()) + ":" + settings.httpPort();
    }

    /** Issuer / provider URI of the {@code reintegra} realm, e.g. {@code http://127.0.0.1:8180/realms/reintegra}. */
    public String realmUri() {
        return baseUri() + "/realms/" + REALM;
    }

    /** The settings this server was started with. */
    public Settings settings() {
        return settings;
    }

    /**
     * Stops the server: asks the start script and the Java process it spawned to terminate, waits for
     * them, and kills whatever is still running after a grace period. Safe to call more than once.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // A class-data archive is kept only from a server that was ready, still running when asked
        // to stop (not ended by the shutdown hook mid-write) and stopped in time.
        boolean running = process.isAlive();
        boolean polite = stopProcessTree();
        if (classes != null) {
            classes.afterExit(ready && running && polite);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Unpacking and configuration

    /**
     * Unpacks the archive into {@code home} unless an unpack of the same version is already there.
     * The archive holds one top-level directory (e.g. {@code keycloak-26.7.3}); it is unpacked next to
     * its final place and then renamed, so a half-unpacked directory is never mistaken for a good one.
     *
     * @return the Keycloak home directory (the archive's top-level directory inside {@code home})
     */
    private static Path unpackDistribution(Path archive, Path home) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IOException("Keycloak distribution not found: " + archive);
        }
        Files.createDirectories(home);
        String topLevel = topLevelDirectory(archive);
        Path keycloakHome = home.resolve(topLevel);
        if (Files.isRegularFile(keycloakHome.resolve("lib/quarkus-run.jar"))) {
            return keycloakHome;
        }
        Path staging = Files.createTempDirectory(home, ".unpack-");
        try {
            extract(archive, staging);
            Files.move(staging.resolve(topLevel), keycloakHome, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteRecursively(staging);
        }
        return keycloakHome;
    }

    /** Name of the single top-level directory of the archive, read from its first entry. */
    private static String topLevelDirectory(Path archive) throws IOException {
        try (TarArchiveInputStream tar = openTar(archive)) {
            TarArchiveEntry first = tar.getNextEntry();
            if (first == null) {
                throw new IOException("Empty archive: " + archive);
            }
            String name = first.getName();
            int slash = name.indexOf('/');
            if (slash <= 0) {
                throw new IOException("Unexpected archive layout (no top-level directory): " + archive);
            }
            return name.substring(0, slash);
        }
    }

    private static void extract(Path archive, Path target) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path root = target.toAbsolutePath().normalize();
        try (TarArchiveInputStream tar = openTar(archive)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("Archive entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(destination.getParent());
                    Files.createSymbolicLink(destination, Path.of(entry.getLinkName()));
                    continue;
                } else if (entry.isFile()) {
                    Files.createDirectories(destination.getParent());
                    Files.copy(tar, destination, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    continue; // hard links, devices, ...: none in the Keycloak distribution
                }
                if (posix) {
                    Files.setPosixFilePermissions(destination, permissions(entry.getMode()));
                }
            }
        }
    }

    private static TarArchiveInputStream openTar(Path archive) throws IOException {
        return new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(archive), 64 * 1024));
    }

    /** POSIX permissions from a tar mode; the owner always keeps read and write access. */
    private static Set<PosixFilePermission> permissions(int mode) {
        PosixFilePermission[] bits = {  // order of the mode bits, from 0400 down to 0001
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE};
        Set<PosixFilePermission> result = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                result.add(bits[i]);
            }
        }
        return result;
    }

    /**
     * Copies the realm import file into {@code data/import} and returns the SHA-256 of what the realm
     * is imported from: the file and the SMTP port that replaces its placeholder (the port is kept in
     * the imported realm, so another port must import it afresh too). It is written on every start;
     * Keycloak only imports it when the realm does not exist yet.
     */
    private static String writeRealmImport(Path keycloakHome, int smtpPort) throws IOException {
        Path importDir = Files.createDirectories(keycloakHome.resolve("data/import"));
        byte[] content;
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IOException("Realm import file not on the classpath: " + REALM_RESOURCE);
            }
            content = realm.readAllBytes();
        }
        Files.write(importDir.resolve(REALM + "-realm.json"), content);
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(content);
            digest.update(("|smtp-port=" + smtpPort).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The realm is imported only when it does not exist, so a realm file changed by a newer version
     * of the project (a new client, a new role), or another SMTP port, would never reach existing
     * data. When the data was imported from another realm file or port, it is dropped and the realm
     * imported afresh: the local stack's Keycloak holds demo accounts only. Logged on standard error.
     */
    private static void forgetDataOfAnotherRealmFile(Path keycloakHome, String realmDigest) throws IOException {
        Path database = keycloakHome.resolve("data/h2");
        if (!Files.exists(database)) {
            return;
        }
        Path digestFile = keycloakHome.resolve(REALM_DIGEST_FILE);
        String imported = Files.exists(digestFile) ? Files.readString(digestFile).strip() : "";
        if (imported.equals(realmDigest)) {
            return;
        }
        System.err.println("The realm file or the SMTP port changed since Keycloak's data was imported: importing the realm afresh ("
                + database + " is dropped).");
        try (Stream<Path> paths = Files.walk(database)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Process control

    /**
     * Runs {@code kc.sh build} with {@link #BUILD_OPTIONS} unless the unpacked server was already built
     * with exactly these options; a failed build leaves no record, so the next start tries again.
     */
    private static void buildOnce(Settings s, Path keycloakHome) throws IOException, InterruptedException {
        Path record = keycloakHome.resolve(BUILD_OPTIONS_FILE);
        String options = String.join(" ", BUILD_OPTIONS);
        if (Files.isRegularFile(record) && Files.readString(record, StandardCharsets.UTF_8).equals(options)) {
            return;
        }
        long logOffset = Files.exists(s.logFile()) ? Files.size(s.logFile()) : 0;
        List<String> command = new ArrayList<>(List.of(keycloakHome.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(keycloakHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(s.logFile().toFile()));
        builder.environment().putIfAbsent("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process build = builder.start();
        build.getOutputStream().close();
        if (!build.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            build.descendants().forEach(ProcessHandle::destroyForcibly);
            build.destroyForcibly();
            throw new IOException("kc.sh build did not finish within " + READY_TIMEOUT + tail(s.logFile(), logOffset));
        }
        if (build.exitValue() != 0) {
            throw new IOException("kc.sh build failed (exit " + build.exitValue() + ")" + tail(s.logFile(), logOffset));
        }
        Files.writeString(record, options, StandardCharsets.UTF_8);
    }

    private static Process launch(Settings s, Path keycloakHome, ClassDataArchive classes) throws IOException {
        List<String> command = List.of(
                keycloakHome.resolve("bin/kc.sh").toString(),
                "start",
                "--optimized",             // built once by buildOnce
                "--http-enabled=true",     // plain HTTP on loopback only
                "--http-host=" + s.host(),
                "--http-port=" + s.httpPort(),
                "--http-management-host=" + s.host(),
                "--http-management-port=" + s.managementPort(),
                // A fixed frontend URL keeps the token issuer the same whichever loopback name a browser uses.
                "--hostname=" + "http://" + uriHost(s.host()) + ":" + s.httpPort(),
                "--import-realm");

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(keycloakHome.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(s.logFile().toFile()));
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", s.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", s.adminPassword());
        env.put(CLIENT_SECRET_VARIABLE, s.portalClientSecret());
        env.put(API_CLIENT_SECRET_VARIABLE, s.apiClientSecret());
        env.put(ADMIN_CLIENT_SECRET_VARIABLE, s.adminClientSecret());
        env.put(SMTP_PORT_VARIABLE, Integer.toString(s.smtpPort()));
        // Run Keycloak on the same JDK as the caller unless told otherwise.
        env.putIfAbsent("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // kc.sh splits JAVA_OPTS_APPEND at white space, so a home path with a space goes without an archive.
        if (classes != null && !classes.archive().toString().matches(".*\\s.*")) {
            String options = String.join(" ", classes.jvmOptions());
            env.merge("JAVA_OPTS_APPEND", options, (given, added) -> given + " " + added);
        }
        // before any JAVA_OPTS_APPEND of the caller's own, so that the caller's options win
        env.merge("JAVA_OPTS_APPEND", extraJvmOptions(), (given, added) -> added + " " + given);
        Process process = builder.start();
        process.getOutputStream().close(); // the server reads nothing from standard input
        return process;
    }

    /**
     * Options for Keycloak's JVM beside kc.sh's own, setting {@code reintegra.keycloak.jvm-options}
     * (space-separated; a value replaces the default, a blank one keeps it). The default,
     * {@link #QUICK_COMPILER_ONLY}, compiles with C1 only: the local stack's Keycloak serves a few
     * sign-ins, and C2's work on Quarkus' start-up code doubled its start's processor time while
     * Payara Micro started on the same two cores (docs/benchmarks.md, cold start). For a Keycloak
     * that runs long or under load, {@code -XX:TieredStopAtLevel=4} brings C2 back.
     */
    static String extraJvmOptions() {
        return StackConfig.value("reintegra.keycloak.jvm-options", QUICK_COMPILER_ONLY).strip();
    }

    /** Polls {@code /health/ready} on the management port until it answers {@code UP}. */
    private void awaitReady(long logOffset) throws IOException, InterruptedException {
        URI readiness = URI.create("http://" + uriHost(settings.host()) + ":" + settings.managementPort() + "/health/ready");
        HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(REQUEST_TIMEOUT).GET().build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("Keycloak exited with code " + process.exitValue() + " before it was ready."
                        + logTail(logOffset));
            }
            // Ask only once the server says it listens: the ports lie in Linux's ephemeral range, and a
            // client connecting to a port nobody listens on yet can be given that very port as its own
            // and connect to itself, which then keeps the server from binding it.
            if (!logSince(logOffset).contains("Listening on:")) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("Keycloak was not listening after " + READY_TIMEOUT.toSeconds() + " s."
                            + logTail(logOffset));
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
                continue;
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("Keycloak was not ready after " + READY_TIMEOUT.toSeconds() + " s (" + readiness + ")."
                        + logTail(logOffset));
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /**
     * Checks that the realm's portal client accepts the configured secret. The realm is imported only on
     * the first start, so a later start with another secret would otherwise fail much later, at login.
     * The probe introspects a dummy token: with valid client credentials Keycloak answers
     * {@code 200 {"active":false}}, with invalid ones {@code 401 invalid_client}. Its only trace is one
     * {@code INTROSPECT_TOKEN_ERROR} event (a WARN line) in the server log.
     */
    private void verifyPortalClientSecret() throws IOException, InterruptedException {
        String form = "token=probe"
                + "&client_id=" + URLEncoder.encode(PORTAL_CLIENT_ID, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(settings.portalClientSecret(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUri() + "/protocol/openid-connect/token/introspect"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            throw new IllegalStateException("Realm '" + REALM + "' was imported with another secret for client '"
                    + PORTAL_CLIENT_ID + "' than the settings carry. Use the original secret, or delete "
                    + keycloakHome.resolve("data") + " to import the realm afresh (this drops all Keycloak data).");
        }
        if (response.statusCode() != 200) {
            throw new IOException("Unexpected answer from " + request.uri() + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }

    /**
     * Terminates the start script and its descendants (kc.sh runs the server as a child java process):
     * SIGTERM first so Keycloak shuts down cleanly, SIGKILL for anything still alive after the grace period.
     * Answers whether everything ended within the grace period.
     */
    private boolean stopProcessTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        try (Stream<ProcessHandle> descendants = process.descendants()) {
            descendants.forEach(tree::add);
        }
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_GRACE_PERIOD);
        if (!awaitExit(tree, deadline)) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Instant.now().plus(KILL_WAIT));
            return false;
        }
        return true;
    }

    /** Waits until all processes have exited or the deadline passes; returns whether all have exited. */
    private static boolean awaitExit(List<ProcessHandle> processes, Instant deadline) {
        for (ProcessHandle handle : processes) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative()) {
                return processes.stream().noneMatch(ProcessHandle::isAlive);
            }
            try {
                handle.onExit().get(left.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // onExit() does not fail; treat like exited
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private static void requirePortFree(String host, int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (BindException e) {
            throw new IllegalStateException("Cannot bind " + host + ":" + port + " (" + e.getMessage() + ");"
                    + " is another server, e.g. a Keycloak on the same home, still running?", e);
        }
    }

    private static String uriHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** What this start wrote to the log (at most its first 4 MB). */
    private String logSince(long fromOffset) {
        try (RandomAccessFile log = new RandomAccessFile(settings.logFile().toFile(), "r")) {
            long length = Math.min(log.length() - fromOffset, 4L * 1024 * 1024);
            if (length <= 0) {
                return "";
            }
            byte[] bytes = new byte[(int) length];
            log.seek(fromOffset);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines this start wrote to the log, for error messages. */
    private String logTail(long fromOffset) {
        return tail(settings.logFile(), fromOffset);
    }

    private static String tail(Path logFile, long fromOffset) {
        try (RandomAccessFile log = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = log.length();
            long start = Math.max(fromOffset, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - start)];
            log.seek(start);
            log.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().collect(Collectors.toList());
            List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "\nLast lines of " + logFile + ":\n" + String.join("\n", tail);
        } catch (IOException e) {
            return "\n(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
