package org.reintegra.referral;

/**
 * How the caller stands to referrals: from which side they see them, and whether they may see the
 * offence and risk details (reason for referral, risk summary). A college registrar needs the
 * client's identity and enrolment, not offence or risk details.
 */
public record ReferralViewer(ReferralSide side, boolean seesOffenceAndRiskDetails) {
}
