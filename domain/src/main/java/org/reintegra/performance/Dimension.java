package org.reintegra.performance;

/** What a breakdown groups the referrals by; each maps to one column of {@code referral_measure}. */
public enum Dimension {
    SEX("client_sex"),
    AGE_BAND("age_band"),
    PARTNER("partner_tenant_id"),
    AGENCY("agency_tenant_id"),
    PROGRAMME_AREA("programme_area"),
    SERVICE("service_type"),
    DECLINE_REASON("decline_reason"),
    ENDED_EARLY_REASON("ended_early_reason");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    /** The column (a fixed name, never user input). */
    String column() {
        return column;
    }

    /** The organisation of the other side: partners for an agency, agencies for a partner. */
    public static Dimension counterpartOf(PerformanceSide side) {
        return side == PerformanceSide.AGENCY ? PARTNER : AGENCY;
    }
}
