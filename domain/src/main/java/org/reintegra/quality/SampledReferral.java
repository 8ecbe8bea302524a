package org.reintegra.quality;

import java.util.Map;

/** A referral of a review's sample; the client's name only for the agency (null for the partner). */
public record SampledReferral(long itemId, long referralId, String reference, String clientName, String status,
                              Map<QualityCheck, CheckResult> results, String note, boolean checked, long version) {
}
