package org.reintegra.portal.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinSession;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.reintegra.staff.StaffDirectory;
import org.reintegra.staff.StaffMember;

/**
 * Every screen speaks the language the person chose (remembered in the staff directory), else
 * the browser's. The choice is read once per session and applied to each new UI before its views
 * are built.
 */
@ApplicationScoped
public class LanguagePreference {

    static final String SESSION_LOCALE = "reintegra.locale";
    private static final Logger LOG = Logger.getLogger(LanguagePreference.class.getName());

    @Inject
    StaffDirectory staff;

    @Inject
    org.reintegra.portal.security.SignedInUser user;

    void onServiceInit(@Observes ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> preferred().ifPresent(init.getUI()::setLocale));
    }

    /** The person's language for this session, looked up once. */
    Optional<Locale> preferred() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || !user.isOrganisationStaff()) {
            return Optional.empty(); // the platform's administrator has no staff record to remember it in
        }
        Object cached = session.getAttribute(SESSION_LOCALE);
        if (cached instanceof Locale locale) {
            return Optional.of(locale);
        }
        try {
            Optional<Locale> chosen = staff.me().map(StaffMember::preferredLocale).map(Locale::forLanguageTag)
                    .filter(locale -> PortalTranslations.LOCALES.stream()
                            .anyMatch(provided -> provided.getLanguage().equals(locale.getLanguage())));
            chosen.ifPresent(locale -> session.setAttribute(SESSION_LOCALE, locale));
            return chosen;
        } catch (EJBException | IllegalStateException noStaffRecord) {
            LOG.log(Level.FINE, "No language preference", noStaffRecord);
            return Optional.empty();
        }
    }

    /** Remembers the person's choice and uses it from now on in this session. */
    public void choose(Locale locale) {
        staff.chooseLanguage(locale.getLanguage());
        VaadinSession.getCurrent().setAttribute(SESSION_LOCALE, locale);
    }
}
