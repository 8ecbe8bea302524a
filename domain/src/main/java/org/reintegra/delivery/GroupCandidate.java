package org.reintegra.delivery;

/** An open referral of the partner that can take part in a group session. */
public record GroupCandidate(long referralId, String reference, String clientName) {
}
