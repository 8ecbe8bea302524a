package org.reintegra.referral;

/** Where a referral is in its lifecycle (see DOMAIN.md); the FHIR Task status is given for mapping. */
public enum ReferralStatus {
    DRAFT("draft"),
    SENT("requested"),
    ACCEPTED("accepted"),
    DECLINED("rejected"),
    IN_PROGRESS("in-progress"),
    ON_HOLD("on-hold"),
    COMPLETED("completed"),
    ENDED_EARLY("failed"),
    WITHDRAWN("cancelled");

    private final String fhirTaskStatus;

    ReferralStatus(String fhirTaskStatus) {
        this.fhirTaskStatus = fhirTaskStatus;
    }

    public String fhirTaskStatus() {
        return fhirTaskStatus;
    }

    /** A closed referral takes no more commands. */
    public boolean isClosed() {
        return this == DECLINED || this == COMPLETED || this == ENDED_EARLY || this == WITHDRAWN;
    }
}
