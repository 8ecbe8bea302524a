package org.reintegra.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.reintegra.client.Sex;

/**
 * A referral opened in full, as the viewer may see it: without reason and risk summary when
 * {@code offenceAndRiskDetailsShown} is false (a college registrar).
 */
public record ReferralDetails(long id, String reference, ReferralSide viewerSide, String agencyName, String partnerName,
                              String clientGivenName, String clientFamilyName, LocalDate clientDateOfBirth, Sex clientSex,
                              String clientPreferredLanguage, ProgrammeArea programmeArea, ServiceType serviceType,
                              boolean offenceAndRiskDetailsShown, String reasonForReferral, String riskSummary, CustodyStatus custodyStatus,
                              LocalDate releaseDate, LocalDate completionDeadline, String sendingOffice,
                              String sendingOfficer, String assignedCaseworker, ReferralStatus status, Instant sentAt,
                              Instant statusChangedAt, long version, List<ReferralHistoryEntry> history,
                              List<ReferralCommand> availableCommands, List<ReferralNoteEntry> notes) {

    public String clientName() {
        return clientGivenName + " " + clientFamilyName;
    }
}
