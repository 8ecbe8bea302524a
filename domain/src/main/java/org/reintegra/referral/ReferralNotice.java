package org.reintegra.referral;

/**
 * Who must be told of something that happened to a referral: one side, and on it one person or
 * (recipient null) everyone who works referrals there.
 */
public record ReferralNotice(ReferralEvent event, ReferralSide recipientSide, String recipient, String causedBy) {
}
