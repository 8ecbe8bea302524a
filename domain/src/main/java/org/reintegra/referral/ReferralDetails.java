package org.reintegra.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.reintegra.client.Sex;

/**
 * A referral opened in full, as the viewer may see it: without reason and risk summary when
 * {@code offenceAndRiskDetailsShown} is false (a college), without health notes or legal case
 * details unless the viewer's organisation needs them; the changelog then leaves out the lines
 * about the fields not shown. {@code awaitingViewer}: the other side asked or amended
 * something the viewer's side has not answered. The three flags after it say what the viewer may do
 * besides the lifecycle commands.
 */
public record ReferralDetails(long id, String reference, ReferralSide viewerSide, String agencyName, String partnerName,
                              String clientGivenName, String clientFamilyName, LocalDate clientDateOfBirth, Sex clientSex,
                              String clientPreferredLanguage, ProgrammeArea programmeArea, ServiceType serviceType,
                              boolean offenceAndRiskDetailsShown, String reasonForReferral, String riskSummary, CustodyStatus custodyStatus,
                              LocalDate releaseDate, LocalDate completionDeadline, String sendingOffice,
                              String sendingOfficer, String assignedCaseworker, ReferralStatus status, Instant sentAt,
                              Instant statusChangedAt, long version, List<ReferralHistoryEntry> history,
                              List<ReferralCommand> availableCommands, List<ReferralNoteEntry> notes,
                              Set<DesiredOutcome> desiredOutcomes, LegalBasis legalBasis, LocalDate consentRecordedOn,
                              List<ReferralAmendmentEntry> changelog, boolean awaitingViewer, boolean amendable,
                              boolean editableDraft, boolean reassignable, boolean healthNotesShown, String healthNotes,
                              boolean legalCaseDetailsShown, String legalCaseDetails) {

    public String clientName() {
        return clientGivenName + " " + clientFamilyName;
    }
}
