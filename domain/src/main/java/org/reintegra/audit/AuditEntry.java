package org.reintegra.audit;

import java.time.Instant;

/**
 * One line of the audit trail as the viewer shows it: when, who (and in which organisation), what,
 * about which referral and client, which fields, why.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String organisationName, AuditAction action,
                         String referralReference, String clientName, String fields, String purpose) {
}
