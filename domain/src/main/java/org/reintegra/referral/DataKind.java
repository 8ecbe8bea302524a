package org.reintegra.referral;

/**
 * The kinds of a referral's data, by who needs them. The database's {@code partner_may_see}
 * function knows the same kinds.
 */
public enum DataKind {
    /** Identity, service, dates, status: every partner of the referral. */
    GENERAL,
    /** Reason for referral and risk summary: not a college. */
    OFFENCE_RISK,
    /** Health notes: a clinic. */
    HEALTH,
    /** Court and case details: a legal-aid centre. */
    LEGAL
}
