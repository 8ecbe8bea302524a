package org.reintegra.referral.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An amendment: the fields given replace the current ones (those left out stay as they are); the
 * reason is required. {@code version} (optional) is the version the caller last saw.
 */
public record AmendmentRequest(String reasonForReferral, String riskSummary, List<String> desiredOutcomes,
                               String custodyStatus, LocalDate releaseDate, LocalDate completionDeadline,
                               String legalBasis, LocalDate consentRecordedOn, String sendingOffice, String healthNotes,
                               String legalCaseDetails, String reason, Long version) {
}
