package org.reintegra.portal.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.reintegra.notification.NotificationService;
import org.reintegra.notification.ui.NotificationBell;
import org.reintegra.staff.StaffDirectory;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.reintegra.organisation.OrganisationSummary;
import org.reintegra.portal.security.PortalSessions;
import org.reintegra.portal.security.SignedInUser;
import com.vaadin.flow.server.WrappedHttpSession;

/** The frame of every screen: product name, who is signed in for which organisation, sign out. */
@PermitAll
public class MainLayout extends AppLayout {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(MainLayout.class.getName());
    private static final String STAFF_RECORDED = "reintegra.staff-recorded";

    @Inject
    public MainLayout(SignedInUser user, StaffDirectory staff, NotificationService notifications,
                      org.reintegra.portal.i18n.LanguagePreference languages, PortalSessions sessions) {
        recordSignInOnce(user, staff, sessions);
        H1 title = new H1(getTranslation("app.name"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Anchor home = new Anchor("", title);

        String organisation = user.organisation().map(OrganisationSummary::name)
                .orElse(getTranslation("home.no-organisation"));
        Span who = new Span(getTranslation("layout.signed-in-as", user.displayName(), organisation));
        who.setId("signed-in-as");

        Button signOut = new Button(getTranslation("layout.sign-out"),
                click -> UI.getCurrent().getPage().setLocation("signout"));
        signOut.setId("sign-out");

        HorizontalLayout header = new HorizontalLayout(home, who);
        if (user.organisation().isPresent() && user.receivesNotifications()) {
            header.add(new NotificationBell(notifications, staff));
        }
        if (user.organisation().isPresent()) {
            header.add(languageSwitcher(languages));
        }
        header.add(signOut);
        header.setWidthFull();
        header.setPadding(true);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(who);
        who.getStyle().set("text-align", "end");
        addToNavbar(header);
    }

    /** The portal's five languages, each named in its own; the choice is remembered for the person. */
    private com.vaadin.flow.component.select.Select<java.util.Locale> languageSwitcher(
            org.reintegra.portal.i18n.LanguagePreference languages) {
        com.vaadin.flow.component.select.Select<java.util.Locale> switcher = new com.vaadin.flow.component.select.Select<>();
        switcher.setId("language-switcher");
        switcher.setAriaLabel(getTranslation("layout.language"));
        switcher.setItems(org.reintegra.portal.i18n.PortalTranslations.LOCALES);
        switcher.setItemLabelGenerator(locale -> locale == null ? ""
                : locale.getDisplayLanguage(locale).substring(0, 1).toUpperCase(locale)
                        + locale.getDisplayLanguage(locale).substring(1));
        org.reintegra.portal.i18n.PortalTranslations.LOCALES.stream()
                .filter(locale -> locale.getLanguage().equals(getLocale().getLanguage())).findFirst()
                .ifPresent(switcher::setValue);
        switcher.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                languages.choose(change.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        return switcher;
    }

    /**
     * Records the user as staff of their organisation once per session (name, e-mail, roles and
     * language from this sign-in), so that colleagues can assign them referrals and mail finds them.
     */
    private void recordSignInOnce(SignedInUser user, StaffDirectory staff, PortalSessions sessions) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || session.getAttribute(STAFF_RECORDED) != null || user.organisation().isEmpty()) {
            return;
        }
        if (session.getSession() instanceof WrappedHttpSession http) {
            sessions.remember(user, http.getHttpSession()); // so that deactivating the account ends it
        }
        try {
            staff.recordSignIn(user.displayName(), user.email(), user.roles(),
                    UI.getCurrent() == null ? null : UI.getCurrent().getLocale().toLanguageTag());
            session.setAttribute(STAFF_RECORDED, Boolean.TRUE);
        } catch (RuntimeException notRecorded) {
            LOG.log(Level.WARNING, "Could not record the signed-in user as staff", notRecorded);
        }
    }
}
