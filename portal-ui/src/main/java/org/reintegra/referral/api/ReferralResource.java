package org.reintegra.referral.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.reintegra.referral.ReferralAmendmentEntry;
import org.reintegra.referral.ReferralDetails;
import org.reintegra.referral.ReferralHistoryEntry;

/** A referral as the intake API returns it: status, terms the caller may see, history and changelog. */
public record ReferralResource(long id, String reference, String status, long version, String partnerName,
                               String clientGivenName, String clientFamilyName, LocalDate clientDateOfBirth,
                               String programmeArea, String serviceType, String reasonForReferral, String riskSummary,
                               String healthNotes, String legalCaseDetails, List<String> desiredOutcomes, String legalBasis,
                               LocalDate consentRecordedOn, String custodyStatus, LocalDate releaseDate,
                               LocalDate completionDeadline, String sendingOffice, String sendingOfficer,
                               String assignedCaseworker, Instant sentAt, Instant statusChangedAt,
                               List<HistoryItem> history, List<ChangeItem> changelog) {

    /** One state change. */
    public record HistoryItem(String from, String to, String command, String by, Instant at, String reasonCode,
                              String reasonText) {
    }

    /** One changelog line. */
    public record ChangeItem(String field, String oldValue, String newValue, String reason, String by, Instant at) {
    }

    static ReferralResource of(ReferralDetails d) {
        return new ReferralResource(d.id(), d.reference(), d.status().name(), d.version(), d.partnerName(),
                d.clientGivenName(), d.clientFamilyName(), d.clientDateOfBirth(), d.programmeArea().name(),
                d.serviceType().name(), d.reasonForReferral(), d.riskSummary(), d.healthNotes(), d.legalCaseDetails(),
                d.desiredOutcomes().stream().map(Enum::name).sorted().toList(),
                name(d.legalBasis()), d.consentRecordedOn(), name(d.custodyStatus()), d.releaseDate(),
                d.completionDeadline(), d.sendingOffice(), d.sendingOfficer(), d.assignedCaseworker(), d.sentAt(),
                d.statusChangedAt(), d.history().stream().map(ReferralResource::item).toList(),
                d.changelog().stream().map(ReferralResource::item).toList());
    }

    private static HistoryItem item(ReferralHistoryEntry h) {
        return new HistoryItem(name(h.from()), h.to().name(), h.command().name(), h.changedBy(), h.changedAt(),
                h.reasonCode(), h.reasonText());
    }

    private static ChangeItem item(ReferralAmendmentEntry a) {
        return new ChangeItem(a.field().name(), a.oldValue(), a.newValue(), a.reason(), a.amendedBy(), a.amendedAt());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
