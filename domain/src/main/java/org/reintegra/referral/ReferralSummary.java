package org.reintegra.referral;

import java.time.Instant;
import java.time.LocalDate;

/** One row of a referral list: what the inbox grid shows. */
public record ReferralSummary(long id, String reference, String clientGivenName, String clientFamilyName,
                              ProgrammeArea programmeArea, ServiceType serviceType, ReferralStatus status,
                              String counterpartName, Instant sentAt, Instant statusChangedAt,
                              LocalDate completionDeadline, Long clientId) {

    public String clientName() {
        return clientGivenName + " " + clientFamilyName;
    }
}
