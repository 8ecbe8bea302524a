package org.reintegra.notification;

import java.util.List;
import java.util.Locale;

/**
 * Writes the text of notification mails in the recipient's language. Mails name the referral's
 * reference and link to the portal, never the client or anything about them: mail leaves the
 * system's walls.
 */
public interface MailComposer {

    ComposedMail immediate(Notification notification, Locale locale);

    ComposedMail digest(List<Notification> notifications, Locale locale);
}
