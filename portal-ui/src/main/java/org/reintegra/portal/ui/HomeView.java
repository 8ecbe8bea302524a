package org.reintegra.portal.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.reintegra.access.Roles;
import org.reintegra.onboarding.ui.OnboardingView;
import org.reintegra.organisation.OrganisationKind;
import org.reintegra.staffaccess.ui.StaffAccessView;
import org.reintegra.audit.ui.AuditView;
import org.reintegra.catalogue.ui.DirectoryView;
import org.reintegra.catalogue.ui.OurServicesView;
import org.reintegra.delivery.ui.CoursesView;
import org.reintegra.delivery.ui.GroupSessionView;
import org.reintegra.performance.ui.PerformanceView;
import org.reintegra.portal.security.SignedInUser;
import org.reintegra.quality.ui.QualityReviewsView;
import org.reintegra.subjectaccess.ui.SubjectAccessView;
import org.reintegra.referral.ui.ReferralInbox;
import org.reintegra.access.ScreenTransaction;

/** Where everyone lands after signing in: who they are, for which organisation, and its referrals. */
@PermitAll
@Route(value = "", layout = MainLayout.class)
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    @Inject
    public HomeView(SignedInUser user, Instance<ReferralInbox> inboxes, ScreenTransaction screen) {
        setSizeFull();
        H2 greeting = new H2(getTranslation("home.welcome", user.displayName()));
        greeting.setId("welcome");
        add(greeting);
        user.organisation().ifPresentOrElse(organisation -> {
            Paragraph who = new Paragraph(getTranslation("home.organisation", organisation.name(),
                    getTranslation("organisation.kind." + organisation.kind().name())));
            who.setId("organisation");
            add(who);
            HorizontalLayout shortcuts = new HorizontalLayout();
            shortcuts.getStyle().set("flex-wrap", "wrap");
            boolean partnerWork = user.hasRole(Roles.PARTNER_STAFF) || user.hasRole(Roles.COLLEGE_REGISTRAR);
            boolean partnerAdmin = user.hasRole(Roles.PARTNER_ADMIN);
            boolean liaison = user.hasRole(Roles.AGENCY_LIAISON);
            shortcut(shortcuts, partnerWork, "group.title", GroupSessionView.class, "group-session-link");
            shortcut(shortcuts, user.hasRole(Roles.COLLEGE_REGISTRAR) || partnerAdmin, "courses.title", CoursesView.class,
                    "courses-link");
            shortcut(shortcuts, partnerAdmin, "catalogue.title", OurServicesView.class, "services-link");
            shortcut(shortcuts, liaison || partnerAdmin, "performance.link", PerformanceView.class, "performance-link");
            shortcut(shortcuts, liaison || partnerAdmin, "quality.title", QualityReviewsView.class, "quality-link");
            shortcut(shortcuts, liaison || partnerAdmin, "audit.link", AuditView.class, "audit-link");
            shortcut(shortcuts, liaison, "subject-access.title", SubjectAccessView.class, "subject-access-link");
            shortcut(shortcuts, user.worksWithReferrals() || partnerAdmin, "directory.title", DirectoryView.class,
                    "directory-link");
            boolean administrator = organisation.kind() == OrganisationKind.AGENCY
                    ? user.hasRole(Roles.AGENCY_ADMIN) : partnerAdmin;
            shortcut(shortcuts, administrator, "staff.title", StaffAccessView.class, "staff-link");
            if (shortcuts.getComponentCount() > 0) {
                add(shortcuts);
            }
            if (user.worksWithReferrals()) {
                // what the inbox reads as it is built (its tabs, their counts, the office filter's
                // offices, whether the user may draft) in one transaction (ADR 0016)
                ReferralInbox inbox = screen.read(inboxes::get);
                add(inbox);
                setFlexGrow(1, inbox);
            }
        }, () -> {
            Paragraph none = new Paragraph(getTranslation("home.no-organisation"));
            none.setId("organisation");
            add(none);
            HorizontalLayout shortcuts = new HorizontalLayout();
            shortcut(shortcuts, user.hasRole(Roles.PLATFORM_ADMIN), "onboarding.title", OnboardingView.class, "onboarding-link");
            if (shortcuts.getComponentCount() > 0) {
                add(shortcuts);
            }
        });
    }

    /** A link to another screen, for those who may open it. */
    private void shortcut(HorizontalLayout shortcuts, boolean shown, String titleKey,
                          Class<? extends com.vaadin.flow.component.Component> view, String id) {
        if (shown) {
            RouterLink link = new RouterLink(getTranslation(titleKey), view);
            link.setId(id);
            shortcuts.add(link);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }

}
