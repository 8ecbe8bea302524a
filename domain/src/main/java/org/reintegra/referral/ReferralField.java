package org.reintegra.referral;

/**
 * The fields of a referral a changelog line can name, each with the kind of data it holds: a
 * viewer who may not see that kind does not see the changelog lines about it either.
 */
public enum ReferralField {
    REASON_FOR_REFERRAL(DataKind.OFFENCE_RISK),
    RISK_SUMMARY(DataKind.OFFENCE_RISK),
    HEALTH_NOTES(DataKind.HEALTH),
    LEGAL_CASE_DETAILS(DataKind.LEGAL),
    DESIRED_OUTCOMES(DataKind.GENERAL),
    CUSTODY_STATUS(DataKind.GENERAL),
    RELEASE_DATE(DataKind.GENERAL),
    COMPLETION_DEADLINE(DataKind.GENERAL),
    LEGAL_BASIS(DataKind.GENERAL),
    CONSENT_RECORDED_ON(DataKind.GENERAL),
    SENDING_OFFICE(DataKind.GENERAL),
    ASSIGNED_CASEWORKER(DataKind.GENERAL);

    private final DataKind kind;

    ReferralField(DataKind kind) {
        this.kind = kind;
    }

    public DataKind kind() {
        return kind;
    }
}
