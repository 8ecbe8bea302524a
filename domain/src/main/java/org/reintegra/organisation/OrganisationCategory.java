package org.reintegra.organisation;

/**
 * What kind of organisation a tenant is. For a partner it decides which of a referral's data its
 * service needs (DOMAIN.md, visibility rule): a college needs identity and enrolment, a clinic
 * health notes, a legal-aid centre the case details. The database's {@code partner_may_see}
 * function says the same for its row-level security.
 */
public enum OrganisationCategory {
    AGENCY,
    NGO,
    CLINIC,
    LEGAL_AID_CENTRE,
    TRAINING_CENTRE,
    VOCATIONAL_COLLEGE
}
