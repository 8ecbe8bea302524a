package org.reintegra.referral;

/** What someone can do to a referral, and which side may do it. */
public enum ReferralCommand {
    SEND(ReferralSide.AGENCY),
    ACCEPT(ReferralSide.PARTNER),
    DECLINE(ReferralSide.PARTNER),
    START(ReferralSide.PARTNER),
    PUT_ON_HOLD(ReferralSide.PARTNER),
    RESUME(ReferralSide.PARTNER),
    COMPLETE(ReferralSide.PARTNER),
    END_EARLY(ReferralSide.PARTNER),
    WITHDRAW(ReferralSide.AGENCY);

    private final ReferralSide side;

    ReferralCommand(ReferralSide side) {
        this.side = side;
    }

    public ReferralSide side() {
        return side;
    }
}
