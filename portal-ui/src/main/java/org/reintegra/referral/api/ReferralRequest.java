package org.reintegra.referral.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A new referral: the client, the partner (its organisation alias), and the referral's terms.
 * {@code send} false keeps it as a draft; default true puts it in the partner's inbox at once.
 */
public record ReferralRequest(ClientData client, String partner, String programmeArea, String serviceType,
                              String reasonForReferral, String riskSummary, List<String> desiredOutcomes,
                              String custodyStatus, LocalDate releaseDate, LocalDate completionDeadline,
                              String legalBasis, LocalDate consentRecordedOn, String sendingOffice, String healthNotes,
                              String legalCaseDetails, Boolean send) {
}
