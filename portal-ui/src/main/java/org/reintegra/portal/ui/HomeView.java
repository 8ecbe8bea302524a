package org.reintegra.portal.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.reintegra.portal.security.SignedInUser;
import org.reintegra.referral.ui.ReferralInbox;

/** Where everyone lands after signing in: who they are, for which organisation, and its referrals. */
@PermitAll
@Route(value = "", layout = MainLayout.class)
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    @Inject
    public HomeView(SignedInUser user, Instance<ReferralInbox> inboxes) {
        setSizeFull();
        H2 greeting = new H2(getTranslation("home.welcome", user.displayName()));
        greeting.setId("welcome");
        add(greeting);
        user.organisation().ifPresentOrElse(organisation -> {
            Paragraph who = new Paragraph(getTranslation("home.organisation", organisation.name(),
                    getTranslation("organisation.kind." + organisation.kind().name())));
            who.setId("organisation");
            add(who);
            com.vaadin.flow.component.orderedlayout.HorizontalLayout shortcuts =
                    new com.vaadin.flow.component.orderedlayout.HorizontalLayout();
            if (user.hasRole(org.reintegra.access.Roles.PARTNER_STAFF)
                    || user.hasRole(org.reintegra.access.Roles.COLLEGE_REGISTRAR)) {
                com.vaadin.flow.router.RouterLink group = new com.vaadin.flow.router.RouterLink(
                        getTranslation("group.title"), org.reintegra.delivery.ui.GroupSessionView.class);
                group.setId("group-session-link");
                shortcuts.add(group);
            }
            if (user.hasRole(org.reintegra.access.Roles.COLLEGE_REGISTRAR)
                    || user.hasRole(org.reintegra.access.Roles.PARTNER_ADMIN)) {
                com.vaadin.flow.router.RouterLink courses = new com.vaadin.flow.router.RouterLink(
                        getTranslation("courses.title"), org.reintegra.delivery.ui.CoursesView.class);
                courses.setId("courses-link");
                shortcuts.add(courses);
            }
            if (user.hasRole(org.reintegra.access.Roles.PARTNER_ADMIN)) {
                com.vaadin.flow.router.RouterLink services = new com.vaadin.flow.router.RouterLink(
                        getTranslation("catalogue.title"), org.reintegra.catalogue.ui.OurServicesView.class);
                services.setId("services-link");
                shortcuts.add(services);
            }
            if (user.hasRole(org.reintegra.access.Roles.AGENCY_LIAISON)
                    || user.hasRole(org.reintegra.access.Roles.PARTNER_ADMIN)) {
                com.vaadin.flow.router.RouterLink performance = new com.vaadin.flow.router.RouterLink(
                        getTranslation("performance.link"), org.reintegra.performance.ui.PerformanceView.class);
                performance.setId("performance-link");
                shortcuts.add(performance);
                com.vaadin.flow.router.RouterLink quality = new com.vaadin.flow.router.RouterLink(
                        getTranslation("quality.title"), org.reintegra.quality.ui.QualityReviewsView.class);
                quality.setId("quality-link");
                shortcuts.add(quality);
                com.vaadin.flow.router.RouterLink audit = new com.vaadin.flow.router.RouterLink(
                        getTranslation("audit.link"), org.reintegra.audit.ui.AuditView.class);
                audit.setId("audit-link");
                shortcuts.add(audit);
            }
            if (user.hasRole(org.reintegra.access.Roles.AGENCY_LIAISON)) {
                com.vaadin.flow.router.RouterLink subjectAccess = new com.vaadin.flow.router.RouterLink(
                        getTranslation("subject-access.title"), org.reintegra.subjectaccess.ui.SubjectAccessView.class);
                subjectAccess.setId("subject-access-link");
                shortcuts.add(subjectAccess);
            }
            com.vaadin.flow.router.RouterLink directory = new com.vaadin.flow.router.RouterLink(
                    getTranslation("directory.title"), org.reintegra.catalogue.ui.DirectoryView.class);
            directory.setId("directory-link");
            if (user.worksWithReferrals() || user.hasRole(org.reintegra.access.Roles.PARTNER_ADMIN)) {
                shortcuts.add(directory);
            }
            if (shortcuts.getComponentCount() > 0) {
                add(shortcuts);
            }
            if (user.worksWithReferrals()) {
                ReferralInbox inbox = inboxes.get();
                add(inbox);
                setFlexGrow(1, inbox);
            }
        }, () -> {
            Paragraph none = new Paragraph(getTranslation("home.no-organisation"));
            none.setId("organisation");
            add(none);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }

}
