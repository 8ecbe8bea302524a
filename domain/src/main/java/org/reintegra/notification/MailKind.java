package org.reintegra.notification;

/** An e-mail for one notification, or the daily digest of several. */
public enum MailKind {
    IMMEDIATE,
    DIGEST
}
