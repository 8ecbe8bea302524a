package org.reintegra.notification;

/** Subject and plain-text body of a mail, in the recipient's language. */
public record ComposedMail(String subject, String body) {
}
