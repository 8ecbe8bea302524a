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
                               List<HistoryItem> history, List<ChangeItem> changelog, Report report) {

    /** The end-of-service report, once the partner wrote it. */
    public record Report(String conclusion, String endedEarlyReason, String endedEarlyText, String summary,
                         List<Rating> ratings, String submittedBy, Instant submittedAt, String acknowledgedBy,
                         Instant acknowledgedAt) {
    }

    /** One desired outcome's rating. */
    public record Rating(String outcome, String rating, String comment) {
    }

    /** One state change. */
    public record HistoryItem(String from, String to, String command, String by, Instant at, String reasonCode,
                              String reasonText) {
    }

    /** One changelog line. */
    public record ChangeItem(String field, String oldValue, String newValue, String reason, String by, Instant at) {
    }

    static ReferralResource of(ReferralDetails d) {
        return of(d, null);
    }

    static ReferralResource of(ReferralDetails d, org.reintegra.outcome.ReportEntry report) {
        return new ReferralResource(d.id(), d.reference(), d.status().name(), d.version(), d.partnerName(),
                d.clientGivenName(), d.clientFamilyName(), d.clientDateOfBirth(), d.programmeArea().name(),
                d.serviceType().name(), d.reasonForReferral(), d.riskSummary(), d.healthNotes(), d.legalCaseDetails(),
                d.desiredOutcomes().stream().map(Enum::name).sorted().toList(),
                name(d.legalBasis()), d.consentRecordedOn(), name(d.custodyStatus()), d.releaseDate(),
                d.completionDeadline(), d.sendingOffice(), d.sendingOfficer(), d.assignedCaseworker(), d.sentAt(),
                d.statusChangedAt(), d.history().stream().map(ReferralResource::item).toList(),
                d.changelog().stream().map(ReferralResource::item).toList(), report == null ? null : new Report(
                        report.conclusion().name(), name(report.endedEarlyReason()), report.endedEarlyText(),
                        report.summary(), report.ratings().stream().map(r -> new Rating(r.outcome().name(),
                        r.rating().name(), r.comment())).toList(), report.submittedBy(), report.submittedAt(),
                        report.acknowledgedBy(), report.acknowledgedAt()));
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
