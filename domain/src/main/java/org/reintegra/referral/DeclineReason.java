package org.reintegra.referral;

/** Why a partner cannot serve a referral. */
public enum DeclineReason {
    NO_CAPACITY,
    NOT_ELIGIBLE,
    OUTSIDE_AREA,
    CANNOT_CONTACT,
    DUPLICATE,
    OTHER
}
