package org.reintegra.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reintegra.access.Actor;
import org.reintegra.client.Client;
import org.reintegra.client.Sex;
import org.reintegra.delivery.SessionRefused;
import org.reintegra.referral.CustodyStatus;
import org.reintegra.referral.DesiredOutcome;
import org.reintegra.referral.EndedEarlyReason;
import org.reintegra.referral.LegalBasis;
import org.reintegra.referral.ProgrammeArea;
import org.reintegra.referral.Referral;
import org.reintegra.referral.ReferralDraft;
import org.reintegra.referral.ServiceType;
import org.reintegra.tenancy.TenantId;

class EndOfServiceReportTest {

    private static final Actor OFFICER = new Actor("officer.nino", TenantId.of("npa"));
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Set<DesiredOutcome> DESIRED = Set.of(DesiredOutcome.ENGAGES_WITH_SERVICE,
            DesiredOutcome.RELAPSE_PREVENTION_PLAN);

    @Test
    void eachDesiredOutcomeIsRatedExactlyOnce() {
        Referral referral = referral();
        List<RatedOutcome> one = List.of(new RatedOutcome(DesiredOutcome.ENGAGES_WITH_SERVICE, OutcomeRating.ACHIEVED, null));
        assertEquals("report.ratings.each-once", refused(referral, completed(one)).messageKey());
        List<RatedOutcome> twice = List.of(new RatedOutcome(DesiredOutcome.ENGAGES_WITH_SERVICE, OutcomeRating.ACHIEVED, null),
                new RatedOutcome(DesiredOutcome.ENGAGES_WITH_SERVICE, OutcomeRating.NOT_ACHIEVED, null));
        assertEquals("report.ratings.each-once", refused(referral, completed(twice)).messageKey());

        EndOfServiceReport report = new EndOfServiceReport(referral, completed(all()), "dana", NOW);
        assertEquals(Conclusion.COMPLETED, report.conclusion());
    }

    @Test
    void endingEarlyNeedsACodedReasonAndTextForOther() {
        Referral referral = referral();
        assertEquals("report.reason.required", refused(referral,
                new ReportDraft(Conclusion.ENDED_EARLY, null, null, "Moved to Osh", all())).messageKey());
        assertEquals("report.reason-text.required", refused(referral,
                new ReportDraft(Conclusion.ENDED_EARLY, EndedEarlyReason.OTHER, " ", "x", all())).messageKey());
        assertEquals("report.reason.only-if-ended-early", refused(referral,
                new ReportDraft(Conclusion.COMPLETED, EndedEarlyReason.MOVED, null, "x", all())).messageKey());
        assertEquals("report.summary.required", refused(referral,
                new ReportDraft(Conclusion.COMPLETED, null, null, " ", all())).messageKey());
        EndOfServiceReport report = new EndOfServiceReport(referral,
                new ReportDraft(Conclusion.ENDED_EARLY, EndedEarlyReason.MOVED, null, "Moved to Osh", all()), "dana", NOW);
        assertEquals(EndedEarlyReason.MOVED, report.endedEarlyReason());
    }

    @Test
    void aReportIsAcknowledgedOnce() {
        EndOfServiceReport report = new EndOfServiceReport(referral(), completed(all()), "dana", NOW);
        report.acknowledge("officer.nino", NOW);
        assertEquals("report.already-acknowledged", assertThrows(SessionRefused.class,
                () -> report.acknowledge("officer.nino", NOW)).messageKey());
    }

    private static List<RatedOutcome> all() {
        return List.of(new RatedOutcome(DesiredOutcome.ENGAGES_WITH_SERVICE, OutcomeRating.ACHIEVED, "11 of 14"),
                new RatedOutcome(DesiredOutcome.RELAPSE_PREVENTION_PLAN, OutcomeRating.PARTLY_ACHIEVED, null));
    }

    private static ReportDraft completed(List<RatedOutcome> ratings) {
        return new ReportDraft(Conclusion.COMPLETED, null, null, "Stable work since October.", ratings);
    }

    private static SessionRefused refused(Referral referral, ReportDraft draft) {
        return assertThrows(SessionRefused.class, () -> new EndOfServiceReport(referral, draft, "dana", NOW));
    }

    private static Referral referral() {
        Client client = new Client("C-1", "Levan", "Beridze", LocalDate.parse("1990-05-17"), Sex.MALE, "ka", null, null, NOW);
        try {
            java.lang.reflect.Field id = Client.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(client, 7L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return Referral.draft(OFFICER, client, TenantId.of("ngo"), new ReferralDraft(ProgrammeArea.OVERCOMING_ADDICTIONS,
                ServiceType.ADDICTION_PROGRAMME, "Relapse prevention", null, DESIRED, CustodyStatus.IN_COMMUNITY, null,
                null, LegalBasis.PROBATION_CONDITION, null, null), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
