package org.reintegra.referral;

/** The two tenants that share a referral. */
public enum ReferralSide {
    AGENCY,
    PARTNER
}
