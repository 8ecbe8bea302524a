package org.reintegra.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Guards the portal WAR's {@code scanning-exclude} list, present and future: Payara does not look
 * into an excluded jar for beans or servlet components, even when it has a {@code beans.xml}, so a
 * pattern that comes to match a jar with any of those would silently lose them.
 */
class PortalArchiveIT {

    private static final Pattern SCANNING_EXCLUDE =
            Pattern.compile("<scanning-exclude>([^<]*)</scanning-exclude>");

    /** What makes a jar something Payara's scan must see. */
    private static final List<String> SCANNED_FOR = List.of("META-INF/beans.xml", "META-INF/web-fragment.xml",
            "META-INF/services/jakarta.servlet.ServletContainerInitializer",
            "META-INF/services/jakarta.enterprise.inject.spi.Extension");

    @Test
    void noExcludedJarHoldsBeansOrServletComponents() throws IOException {
        try (ZipFile war = new ZipFile(System.getProperty("reintegra.it.portal-war"))) {
            List<Pattern> exclusions = exclusions(war);
            assertFalse(exclusions.isEmpty(), "payara-web.xml lists scanning exclusions");
            List<String> excluded = new ArrayList<>();
            List<String> wronglyExcluded = new ArrayList<>();
            for (ZipEntry entry : war.stream().filter(e -> e.getName().startsWith("WEB-INF/lib/")).toList()) {
                String jar = entry.getName().substring("WEB-INF/lib/".length());
                if (exclusions.stream().noneMatch(pattern -> pattern.matcher(jar).matches())) {
                    continue;
                }
                excluded.add(jar);
                List<String> found = scannedFor(war, entry);
                if (!found.isEmpty()) {
                    wronglyExcluded.add(jar + " " + found);
                }
            }
            assertEquals(List.of(), wronglyExcluded, "excluded from Payara's scan but holding what it scans for");
            assertTrue(excluded.stream().anyMatch(jar -> jar.startsWith("poi-")),
                    "the patterns match jar names: " + excluded);
            assertFalse(excluded.stream().anyMatch(jar -> jar.startsWith("reintegra-") || jar.startsWith("vaadin-cdi-")
                    || jar.startsWith("flow-server-")),
                    "our jars, vaadin-cdi and flow-server stay scanned: " + excluded);
        }
    }

    /** The exclusions as Payara reads them: {@code *} for any characters, matched against the jar's name. */
    private static List<Pattern> exclusions(ZipFile war) throws IOException {
        String payaraWebXml;
        try (InputStream in = war.getInputStream(war.getEntry("WEB-INF/payara-web.xml"))) {
            payaraWebXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Pattern> patterns = new ArrayList<>();
        Matcher matcher = SCANNING_EXCLUDE.matcher(payaraWebXml);
        while (matcher.find()) {
            patterns.add(Pattern.compile(Pattern.quote(matcher.group(1).strip()).replace("*", "\\E.*\\Q")));
        }
        return patterns;
    }

    private static List<String> scannedFor(ZipFile war, ZipEntry jar) throws IOException {
        List<String> found = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(war.getInputStream(jar))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (SCANNED_FOR.contains(entry.getName())) {
                    found.add(entry.getName());
                }
            }
        }
        return found;
    }
}
