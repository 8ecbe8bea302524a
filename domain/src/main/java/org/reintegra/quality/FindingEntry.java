package org.reintegra.quality;

import java.time.LocalDate;

/** A finding as both sides see it. */
public record FindingEntry(long id, Long referralId, String reference, String finding, String correctiveAction,
                           LocalDate dueOn, FindingStatus status, String partnerResponse, String respondedBy,
                           String agencyComment, long version) {
}
