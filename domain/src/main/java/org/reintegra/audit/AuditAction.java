package org.reintegra.audit;

/** What was done with a client's data. */
public enum AuditAction {
    /** Shown in a list (name and referral summary). */
    LIST,
    /** Opened in full. */
    READ,
    CREATE,
    CHANGE,
    EXPORT
}
