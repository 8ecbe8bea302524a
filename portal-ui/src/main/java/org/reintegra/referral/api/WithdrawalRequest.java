package org.reintegra.referral.api;

/** A withdrawal: the coded reason (ENTERED_IN_ERROR for mistakes and duplicates) and an explanation. */
public record WithdrawalRequest(String reason, String explanation, Long version) {
}
