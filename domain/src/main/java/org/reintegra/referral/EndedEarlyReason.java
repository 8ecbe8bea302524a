package org.reintegra.referral;

/** Why a referral stopped before its service was completed. */
public enum EndedEarlyReason {
    CLIENT_WITHDREW,
    BREACH_OR_RECALL,
    MOVED,
    DIED,
    SENTENCE_ENDED,
    OTHER
}
