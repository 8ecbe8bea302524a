package org.reintegra.referral;

/**
 * The fields of a referral a changelog line can name. {@code offenceOrRisk} marks those a viewer
 * who may not see reason and risk (a college registrar) does not see in the changelog either.
 */
public enum ReferralField {
    REASON_FOR_REFERRAL(true),
    RISK_SUMMARY(true),
    DESIRED_OUTCOMES(false),
    CUSTODY_STATUS(false),
    RELEASE_DATE(false),
    COMPLETION_DEADLINE(false),
    LEGAL_BASIS(false),
    CONSENT_RECORDED_ON(false),
    SENDING_OFFICE(false),
    ASSIGNED_CASEWORKER(false);

    private final boolean offenceOrRisk;

    ReferralField(boolean offenceOrRisk) {
        this.offenceOrRisk = offenceOrRisk;
    }

    public boolean offenceOrRisk() {
        return offenceOrRisk;
    }
}
