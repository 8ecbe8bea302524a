package org.reintegra.referral;

import java.time.LocalDate;
import java.util.Set;

/**
 * What an officer writes when drafting a referral, besides the client and the partner. The same
 * terms, changed, amend a sent referral (programme and service then stay as they are).
 */
public record ReferralDraft(ProgrammeArea programmeArea, ServiceType serviceType, String reasonForReferral,
                            String riskSummary, Set<DesiredOutcome> desiredOutcomes, CustodyStatus custodyStatus,
                            LocalDate releaseDate, LocalDate completionDeadline, LegalBasis legalBasis,
                            LocalDate consentRecordedOn, String sendingOffice, String healthNotes,
                            String legalCaseDetails) {

    public ReferralDraft {
        desiredOutcomes = desiredOutcomes == null ? Set.of() : Set.copyOf(desiredOutcomes);
    }

    /** The same terms without health notes and legal case details. */
    public ReferralDraft(ProgrammeArea programmeArea, ServiceType serviceType, String reasonForReferral,
                         String riskSummary, Set<DesiredOutcome> desiredOutcomes, CustodyStatus custodyStatus,
                         LocalDate releaseDate, LocalDate completionDeadline, LegalBasis legalBasis,
                         LocalDate consentRecordedOn, String sendingOffice) {
        this(programmeArea, serviceType, reasonForReferral, riskSummary, desiredOutcomes, custodyStatus, releaseDate,
                completionDeadline, legalBasis, consentRecordedOn, sendingOffice, null, null);
    }
}
