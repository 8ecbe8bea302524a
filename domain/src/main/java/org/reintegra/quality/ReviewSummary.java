package org.reintegra.quality;

import java.time.Instant;
import java.time.LocalDate;

/** A review as lists show it: the organisation is the other side's (the partner for the agency). */
public record ReviewSummary(long id, String title, String organisationName, LocalDate periodFrom, LocalDate periodTo,
                            ReviewStatus status, int sampled, int checked, int findingsNotClosed, Instant createdAt) {
}
