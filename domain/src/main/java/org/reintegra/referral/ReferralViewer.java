package org.reintegra.referral;

/**
 * How the caller stands to referrals: from which side they see them, and which of a referral's
 * data their organisation's service needs (DOMAIN.md): offence and risk details (reason for
 * referral, risk summary), health notes, legal case details. The agency sees all of its own.
 */
public record ReferralViewer(ReferralSide side, boolean seesOffenceAndRiskDetails, boolean seesHealthNotes,
                             boolean seesLegalCaseDetails) {

    /** Whether the viewer may see data of that kind. */
    public boolean sees(DataKind kind) {
        return switch (kind) {
            case GENERAL -> true;
            case OFFENCE_RISK -> seesOffenceAndRiskDetails;
            case HEALTH -> seesHealthNotes;
            case LEGAL -> seesLegalCaseDetails;
        };
    }
}
