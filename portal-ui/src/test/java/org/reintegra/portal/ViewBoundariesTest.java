package org.reintegra.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Views only talk to feature services: no entity manager, no entities of other features' internals,
 * no way to pick a tenant, no schema or demo-data machinery. And every route says who may open it.
 */
class ViewBoundariesTest {

    private static JavaClasses portal;

    @BeforeAll
    static void importPortal() {
        portal = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.reintegra");
    }

    @Test
    void viewsDoNotTouchPersistenceOrTenancyDirectly() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.persistence..", "org.eclipse.persistence..", "org.reintegra.tenancy..",
                        "org.reintegra.schema..", "org.reintegra.demo..", "java.sql..")
                .because("views only talk to feature services; tenancy is decided by the signed-in user")
                .check(portal);
    }

    @Test
    void viewsDoNotHoldAggregates() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.reintegra.referral.Referral")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.reintegra.client.Client")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.reintegra.audit.AuditEvent")
                .because("screens get read models (records) from services, not managed entities")
                .check(portal);
    }

    @Test
    void everyRouteDeclaresWhoMayOpenIt() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(PermitAll.class).orShould().beAnnotatedWith(RolesAllowed.class)
                .because("navigation access control denies every view that does not say who may open it")
                .check(portal);
    }
}
