package org.reintegra.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which changes of a server's inputs make a new class-data archive, and which do not. */
class ClassDataArchiveTest {

    @TempDir
    Path directory;

    @Test
    void aWebArchivePackedAgainWithTheSameClassesKeepsItsArchive() throws IOException {
        Path war = directory.resolve("portal.war");
        writeZip(war, Map.of("WEB-INF/classes/A.class", "one", "WEB-INF/lib/x.jar", "two"),
                Instant.parse("2026-12-01T10:00:00Z"));
        String first = ClassDataArchive.of(directory.resolve("cds"), "payara", List.of(war)).archive().toString();

        writeZip(war, Map.of("WEB-INF/lib/x.jar", "two", "WEB-INF/classes/A.class", "one"),
                Instant.parse("2026-12-06T10:00:00Z"));
        Files.setLastModifiedTime(war, FileTime.from(Instant.parse("2026-12-06T10:00:01Z")));

        assertEquals(first, ClassDataArchive.of(directory.resolve("cds"), "payara", List.of(war)).archive().toString());
    }

    @Test
    void aWebArchiveWhoseResourcesAloneChangedKeepsItsArchive() throws IOException {
        Path war = directory.resolve("portal.war");
        Instant packed = Instant.parse("2026-12-01T10:00:00Z");
        writeZip(war, Map.of("WEB-INF/classes/A.class", "one",
                "WEB-INF/classes/META-INF/VAADIN/config/stats.json", "{}"), packed);
        String first = ClassDataArchive.signature(war);

        writeZip(war, Map.of("WEB-INF/classes/A.class", "one",
                "WEB-INF/classes/META-INF/VAADIN/config/stats.json", "{\"pre-compiled\": true}"), packed);

        assertEquals(first, ClassDataArchive.signature(war));
    }

    @Test
    void aWebArchiveWithAChangedClassMakesANewArchive() throws IOException {
        Path war = directory.resolve("portal.war");
        Instant packed = Instant.parse("2026-12-01T10:00:00Z");
        writeZip(war, Map.of("WEB-INF/classes/A.class", "one"), packed);
        String first = ClassDataArchive.signature(war);

        writeZip(war, Map.of("WEB-INF/classes/A.class", "ONE"), packed);

        assertNotEquals(first, ClassDataArchive.signature(war));
    }

    @Test
    void aJarOnTheClassPathIsKnownByItsSizeAndTime() throws IOException {
        Path jar = directory.resolve("server.jar");
        writeZip(jar, Map.of("A.class", "one"), Instant.parse("2026-12-01T10:00:00Z"));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        String first = ClassDataArchive.signature(jar);

        // the same contents, touched: the JVM would refuse the old archive, so a new one is made
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-02T10:00:00Z")));

        assertNotEquals(first, ClassDataArchive.signature(jar));
    }

    private static void writeZip(Path file, Map<String, String> entries, Instant packed) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setLastModifiedTime(FileTime.from(packed));
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
