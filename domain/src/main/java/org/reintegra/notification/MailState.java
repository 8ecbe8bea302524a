package org.reintegra.notification;

/** Where a mail in the outbox stands. */
public enum MailState {
    PENDING,
    SENT,
    /** Given up after {@link OutboxMail#MAX_ATTEMPTS} refusals. */
    FAILED
}
