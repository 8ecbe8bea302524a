package org.reintegra.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Passwords and client secrets of a local stack: generated at random on the first start and kept
 * in {@code secrets.properties} (readable by its owner only) so later starts find the same ones.
 * An environment variable of the same name in upper case wins (e.g. REINTEGRA_DB_APP_PASSWORD).
 */
public final class Secrets {

    private final Path file;
    private final Properties values = new Properties();
    private final SecureRandom random = new SecureRandom();

    private Secrets(Path file) {
        this.file = file;
    }

    public static Secrets in(Path home) throws IOException {
        createPrivateDirectory(home);
        Secrets secrets = new Secrets(home.resolve("secrets.properties"));
        if (Files.exists(secrets.file)) {
            try (Reader reader = Files.newBufferedReader(secrets.file, StandardCharsets.UTF_8)) {
                secrets.values.load(reader);
            }
        }
        return secrets;
    }

    /** The secret of that name: from the environment, from the file, or new (and saved). */
    public synchronized String get(String name) throws IOException {
        String fromEnvironment = System.getenv(name.toUpperCase().replace('.', '_').replace('-', '_'));
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        String value = values.getProperty(name);
        if (value == null) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            values.setProperty(name, value);
            save();
        }
        return value;
    }

    /** The stack's home holds data and secrets: readable by its owner only. */
    static void createPrivateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        try {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on non-POSIX file systems
        }
    }

    private void save() throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // best effort on non-POSIX file systems
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            values.store(writer, "Reintegra local stack secrets (generated; keep private)");
        }
    }
}
