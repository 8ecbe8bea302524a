package org.reintegra.demo;

/** What the receiving partner does with a demo referral once it arrives. */
enum PartnerStep {
    LEAVE_NEW,
    ACCEPT,
    ACCEPT_AND_START,
    DECLINE,
    PUT_ON_HOLD
}
