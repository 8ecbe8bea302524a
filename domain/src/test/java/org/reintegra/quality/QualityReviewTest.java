package org.reintegra.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reintegra.tenancy.TenantId;

class QualityReviewTest {

    private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 6, 30);

    private static QualityReview review(List<Long> sample) {
        return new QualityReview(TenantId.of("agency"), TenantId.of("partner"), "Half-year review", FROM, TO, sample,
                "liaison", NOW);
    }

    private static Map<QualityCheck, CheckResult> allMet() {
        Map<QualityCheck, CheckResult> results = new EnumMap<>(QualityCheck.class);
        for (QualityCheck check : QualityCheck.values()) {
            results.put(check, CheckResult.MET);
        }
        return results;
    }

    @Test
    void aReviewNeedsATitleAPeriodAndSomethingToSample() {
        assertEquals("quality.nothing-to-sample", assertThrows(QualityRefused.class, () -> review(List.of())).messageKey());
        assertEquals("quality.title-required", assertThrows(QualityRefused.class, () -> new QualityReview(
                TenantId.of("a"), TenantId.of("p"), " ", FROM, TO, List.of(1L), "l", NOW)).messageKey());
        assertEquals("quality.period-invalid", assertThrows(QualityRefused.class, () -> new QualityReview(
                TenantId.of("a"), TenantId.of("p"), "t", TO, FROM, List.of(1L), "l", NOW)).messageKey());
        assertEquals(3, review(List.of(1L, 2L, 3L)).items().size());
    }

    @Test
    void aFindingIsAnsweredThenClosedOrOpenedAgain() {
        QualityReview review = review(List.of(7L));
        assertEquals("quality.not-in-sample", assertThrows(QualityRefused.class,
                () -> review.raise(8L, "x", "y", TO, "liaison", NOW)).messageKey());
        QualityFinding finding = review.raise(7L, "No action plan on file", "Agree plans within two weeks", TO,
                "liaison", NOW);
        assertEquals(FindingStatus.OPEN, finding.status());
        assertEquals("quality.reopen-only-answered", assertThrows(QualityRefused.class,
                () -> finding.reopen("not yet")).messageKey());
        finding.answer("Plans are now agreed at the first meeting", "admin", NOW);
        assertEquals(FindingStatus.ANSWERED, finding.status());
        finding.reopen("Please send an example");
        assertEquals(FindingStatus.OPEN, finding.status());
        finding.answer("Example attached to the referral", "admin", NOW);
        finding.close("liaison", NOW);
        assertEquals(FindingStatus.CLOSED, finding.status());
        assertEquals("quality.finding-closed", assertThrows(QualityRefused.class,
                () -> finding.answer("late", "admin", NOW)).messageKey());
    }

    @Test
    void aReviewClosesOnlyWhenEverythingIsCheckedAndEveryFindingClosed() {
        QualityReview review = review(List.of(7L));
        assertEquals("quality.unchecked-referrals", assertThrows(QualityRefused.class,
                () -> review.close("liaison", NOW)).messageKey());
        ReviewedReferral item = review.items().get(0);
        Map<QualityCheck, CheckResult> partial = new EnumMap<>(QualityCheck.class);
        partial.put(QualityCheck.ACTION_PLAN_AGREED, CheckResult.NOT_MET);
        assertEquals("quality.every-check-required", assertThrows(QualityRefused.class,
                () -> item.record(partial, null, "liaison", NOW)).messageKey());
        item.record(allMet(), "All in order", "liaison", NOW);
        assertEquals(allMet(), item.results());
        QualityFinding finding = review.raise(null, "General", "Train staff", TO, "liaison", NOW);
        assertEquals("quality.findings-open", assertThrows(QualityRefused.class,
                () -> review.close("liaison", NOW)).messageKey());
        finding.close("liaison", NOW);
        review.close("liaison", NOW);
        assertEquals(ReviewStatus.CLOSED, review.status());
        assertEquals("quality.review-closed", assertThrows(QualityRefused.class,
                () -> review.raise(null, "x", "y", TO, "liaison", NOW)).messageKey());
    }

    @Test
    void checklistsRoundTrip() {
        Map<QualityCheck, CheckResult> results = allMet();
        results.put(QualityCheck.CONCERNS_RAISED, CheckResult.NOT_APPLICABLE);
        assertEquals(results, Checklist.decode(Checklist.encode(results)));
        assertEquals(Map.of(), Checklist.decode(""));
    }
}
