package org.reintegra.organisation;

/** Whether an organisation sends referrals (agency) or receives them (partner). */
public enum OrganisationKind {
    AGENCY,
    PARTNER
}
