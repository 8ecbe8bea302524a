package org.reintegra.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives Arquillian deploys: the portal WAR exactly as built, plus test classes where needed. */
final class Deployments {

    private static final Pattern SCANNING_EXCLUDE = Pattern.compile("<scanning-exclude>[^<]*</scanning-exclude>");

    private Deployments() {
    }

    /** The portal as it ships. */
    static WebArchive portal() {
        File war = new File(System.getProperty("reintegra.it.portal-war"));
        return ShrinkWrap.create(ZipImporter.class, "reintegra.war").importFrom(war).as(WebArchive.class);
    }

    /** The portal plus in-container test classes, with Arquillian's runner let through sign-in. */
    static WebArchive portalWithTests(Class<?>... testClasses) {
        JavaArchive runnerAccess = ShrinkWrap.create(JavaArchive.class, "arquillian-runner-access.jar")
                .addAsManifestResource(Deployments.class.getResource("/in-container/web-fragment.xml"), "web-fragment.xml");
        WebArchive archive = portal().addClasses(testClasses).addAsLibrary(runnerAccess);
        String shipped = text(archive.get("/WEB-INF/payara-web.xml").getAsset().openStream());
        archive.delete("/WEB-INF/payara-web.xml");
        return archive.addAsWebInfResource(new StringAsset(testPayaraWebXml(shipped)), "payara-web.xml");
    }

    /**
     * The test deployments' payara-web.xml: their own role mapping (with principals for run-as test
     * beans), and the shipped file's scanning exclusions, so that they are deployed as the portal is.
     */
    private static String testPayaraWebXml(String shipped) {
        String exclusions = SCANNING_EXCLUDE.matcher(shipped).results().map(match -> "    " + match.group())
                .collect(Collectors.joining("\n", "", "\n"));
        if (exclusions.isBlank()) {
            throw new IllegalStateException("The portal's payara-web.xml lists no scanning-exclude; "
                    + "the test deployments would be scanned otherwise than the portal");
        }
        return text(Deployments.class.getResourceAsStream("/in-container/payara-web.xml"))
                .replace("</payara-web-app>", exclusions + "</payara-web-app>");
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
