package org.reintegra.notification.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.reintegra.notification.ComposedMail;
import org.reintegra.notification.MailComposer;
import org.reintegra.notification.Notification;
import org.reintegra.portal.i18n.PortalTranslations;

/**
 * Notification mail in the recipient's language, from the portal's bundles. It names the referral's
 * reference, what happened and who did it, and links to the portal; never the client.
 */
@ApplicationScoped
public class PortalMailComposer implements MailComposer {

    private static final PortalTranslations TEXTS = new PortalTranslations();

    @Inject
    MailSettings settings;

    @Override
    public ComposedMail immediate(Notification notification, Locale locale) {
        String what = line(notification, locale);
        String subject = TEXTS.getTranslation("mail.subject", locale, what);
        String body = TEXTS.getTranslation("mail.greeting", locale) + "\n\n" + what + "\n"
                + link(notification) + "\n\n" + TEXTS.getTranslation("mail.footer", locale) + "\n";
        return new ComposedMail(subject, body);
    }

    @Override
    public ComposedMail digest(List<Notification> notifications, Locale locale) {
        StringBuilder body = new StringBuilder(TEXTS.getTranslation("mail.greeting", locale)).append("\n\n")
                .append(TEXTS.getTranslation("mail.digest.intro", locale, notifications.size())).append("\n\n");
        for (Notification notification : notifications) {
            body.append("- ").append(line(notification, locale)).append("\n  ").append(link(notification)).append("\n");
        }
        body.append("\n").append(TEXTS.getTranslation("mail.footer", locale)).append("\n");
        return new ComposedMail(TEXTS.getTranslation("mail.digest.subject", locale, notifications.size()), body.toString());
    }

    private static String line(Notification notification, Locale locale) {
        return TEXTS.getTranslation("event." + notification.event().name(), locale, notification.referralReference(),
                notification.causedBy());
    }

    private String link(Notification notification) {
        return settings.portalBaseUrl() + "referrals/" + notification.referralId();
    }
}
