package org.reintegra.referral;

/** Why an agency withdrew a referral; ENTERED_IN_ERROR marks mistakes and duplicates. */
public enum WithdrawalReason {
    NO_LONGER_NEEDED,
    CLIENT_RECALLED_TO_CUSTODY,
    CLIENT_MOVED,
    ENTERED_IN_ERROR,
    OTHER
}
