package org.reintegra.referral;

/**
 * Why the agency may share the client's data with the partner and ask for the service. Voluntary
 * participation needs the client's recorded consent; the others rest on a decision or a duty.
 */
public enum LegalBasis {
    COURT_ORDER,
    PROBATION_CONDITION,
    SENTENCE_PLAN,
    STATUTORY_DUTY,
    CLIENT_CONSENT;

    public boolean needsConsent() {
        return this == CLIENT_CONSENT;
    }
}
