package org.reintegra.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A class-data-sharing archive for a server the local stack starts (JDK 17 dynamic CDS, JEP 350):
 * the classes a run loaded, already parsed and verified, mapped into the next run's memory instead of
 * being loaded again. It roughly takes a fifth off Payara Micro's and Keycloak's start (docs/benchmarks.md).
 *
 * <p>The first start of a given set of inputs (the JDK and the server's jars) runs with
 * {@code -XX:ArchiveClassesAtExit}: the JVM writes the archive when it exits (a few seconds more at
 * stop). {@link #afterExit(boolean)} keeps it only when the server stopped on its own terms; a server
 * killed while writing leaves a partial file, which is never used. Later starts run with
 * {@code -XX:SharedArchiveFile}. The archive's name carries a digest of the inputs ({@link #signature}),
 * so a WAR with other contents or another JDK makes a new one and the stale ones are deleted. Should
 * the JVM still refuse an archive, it starts without it ({@code -Xshare:auto}, the default): the
 * archive can make a start faster, never make it fail.
 */
final class ClassDataArchive {

    private final Path archive;
    private final Path partial;
    private final String prefix;

    private ClassDataArchive(Path directory, String prefix, String digest) {
        this.prefix = prefix;
        this.archive = directory.resolve(prefix + digest + ".jsa");
        this.partial = directory.resolve(prefix + digest + ".jsa.part");
    }

    /** The archive for a server called {@code name} whose classes come from {@code inputs}. */
    static ClassDataArchive of(Path directory, String name, List<Path> inputs) throws IOException {
        Files.createDirectories(directory);
        MessageDigest digest = sha256();
        update(digest, System.getProperty("java.vm.version") + "|" + System.getProperty("java.home"));
        for (Path input : inputs) {
            update(digest, "|" + input.toAbsolutePath() + "|" + signature(input));
        }
        return new ClassDataArchive(directory, name + "-", HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }

    /**
     * What must stay the same for the archive to be used again. For a jar on the JVM's class path,
     * its size and time (the JVM itself refuses an archive whose class-path jars changed). A web archive
     * is packed again by every build, unchanged or not, so its time says nothing: the names, sizes and
     * checksums of its classes and jars (from the zip's directory, not its contents) say whether the
     * classes are the same. Other entries do not count: Vaadin's build statistics differ between a
     * fresh clone's first build and the next. Without this, every run command made a new archive: a
     * start without one, then a stop 8–9 s longer.
     */
    static String signature(Path input) throws IOException {
        if (!input.getFileName().toString().endsWith(".war")) {
            return Files.size(input) + "|" + Files.getLastModifiedTime(input).toMillis();
        }
        MessageDigest entries = sha256();
        try (ZipFile archive = new ZipFile(input.toFile())) {
            archive.stream().filter(entry -> entry.getName().endsWith(".class") || entry.getName().endsWith(".jar"))
                    .sorted(Comparator.comparing(ZipEntry::getName)).forEach(entry ->
                            update(entries, entry.getName() + "|" + entry.getSize() + "|" + entry.getCrc() + "\n"));
        }
        return "entries " + HexFormat.of().formatHex(entries.digest());
    }

    /** The JVM options for this start: use the archive, or make it at exit when there is none yet. */
    List<String> jvmOptions() {
        // The dump lists every class it cannot archive as a warning; errors still show.
        String quiet = "-Xlog:cds=error,cds+dynamic=error";
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, quiet)
                : List.of("-XX:ArchiveClassesAtExit=" + partial, quiet);
    }

    /** After the server exited: keeps a freshly written archive if it stopped politely, and drops stale ones. */
    void afterExit(boolean stoppedPolitely) {
        try {
            if (!Files.isRegularFile(partial)) {
                return;
            }
            if (!stoppedPolitely || Files.size(partial) == 0) {
                Files.deleteIfExists(partial);
                return;
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (DirectoryStream<Path> others = Files.newDirectoryStream(archive.getParent(), prefix + "*")) {
                for (Path other : others) {
                    if (!other.equals(archive)) {
                        Files.deleteIfExists(other);
                    }
                }
            }
        } catch (IOException e) {
            System.err.println("Class-data archive " + archive + " not kept: " + e.getMessage());
        }
    }

    Path archive() {
        return archive;
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
