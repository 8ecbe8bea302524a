package org.reintegra.referral;

import java.time.LocalDate;

/** What an officer writes when drafting a referral, besides the client and the partner. */
public record ReferralDraft(ProgrammeArea programmeArea, ServiceType serviceType, String reasonForReferral,
                            String riskSummary, CustodyStatus custodyStatus, LocalDate releaseDate,
                            LocalDate completionDeadline, String sendingOffice) {
}
