package org.reintegra.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives Arquillian deploys: the portal WAR exactly as built, plus test classes where needed. */
final class Deployments {

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
        archive.delete("/WEB-INF/payara-web.xml");
        return archive.addAsWebInfResource(Deployments.class.getResource("/in-container/payara-web.xml"), "payara-web.xml");
    }
}
