package org.reintegra.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.reintegra.referral.ServiceType;
import org.reintegra.tenancy.TenantId;

/** The rules of sessions, enrolments and cards, without the database. */
class DeliveryRulesTest {

    private static final TenantId AGENCY = TenantId.of("npa");
    private static final TenantId COLLEGE = TenantId.of("college");
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final SessionPlan PLAN = new SessionPlan(LocalDate.parse("2026-11-27"), LocalTime.of(10, 0), 90,
            ServiceType.PROSOCIAL_PROGRAMME);

    private static DeliveredSession planned() {
        return stored(new DeliveredSession(AGENCY, COLLEGE, 7, null, PLAN, SessionFormat.INDIVIDUAL, "ana", null, "ana",
                NOW), 31);
    }

    /** As the database would have it after the insert: with its id. */
    private static <T> T stored(T entity, long id) {
        try {
            java.lang.reflect.Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void notAttendingNeedsAReasonAndAttendingMustNotHaveOne() {
        DeliveredSession session = planned();
        assertEquals("session.absence-reason.required", assertThrows(SessionRefused.class,
                () -> session.record(Attendance.DID_NOT_ATTEND, null, null, false, "ana", NOW)).messageKey());
        assertEquals("session.absence-reason.only-if-absent", assertThrows(SessionRefused.class,
                () -> session.record(Attendance.ATTENDED, AbsenceReason.ILL, null, false, "ana", NOW)).messageKey());
        session.record(Attendance.DID_NOT_ATTEND, AbsenceReason.ILL, "  called in sick ", true, "ana", NOW);
        SessionEntry entry = session.entry();
        assertEquals(Attendance.DID_NOT_ATTEND, entry.attendance());
        assertEquals("called in sick", entry.notes());
        assertTrue(entry.concern());
    }

    @Test
    void aRescheduledSessionStaysAsHistoryAndItsReplacementNamesIt() {
        DeliveredSession session = planned();
        SessionPlan later = new SessionPlan(LocalDate.parse("2026-12-02"), LocalTime.of(14, 0), 60,
                ServiceType.PROSOCIAL_PROGRAMME);

        DeliveredSession replacement = stored(session.reschedule(later, "ana", NOW), 32);

        assertEquals(Attendance.RESCHEDULED, session.attendance());
        assertEquals(Attendance.PLANNED, replacement.attendance());
        assertEquals(LocalDate.parse("2026-12-02"), replacement.entry().date());
        assertEquals(31L, replacement.entry().rescheduledFrom());
        assertEquals("session.rescheduled-is-history", assertThrows(SessionRefused.class,
                () -> session.record(Attendance.ATTENDED, null, null, false, "ana", NOW)).messageKey());
        assertEquals("session.reschedule.only-planned", assertThrows(SessionRefused.class,
                () -> session.reschedule(later, "ana", NOW)).messageKey());
    }

    @Test
    void aPlannedSessionKeepsItsNoteThroughRescheduleAndAttendanceButRefusesAConcern() {
        DeliveredSession session = planned();
        assertEquals("session.concern.only-recorded", assertThrows(SessionRefused.class,
                () -> session.notePlan("bring the ID card", true)).messageKey());
        assertEquals("session.notes.too-long", assertThrows(SessionRefused.class,
                () -> session.notePlan("x".repeat(DeliveredSession.MAX_NOTES + 1), false)).messageKey());
        session.notePlan("  bring the ID card ", false);
        assertEquals("bring the ID card", session.entry().notes());

        DeliveredSession moved = stored(session.reschedule(PLAN, "ana", NOW), 34);
        assertEquals("bring the ID card", moved.entry().notes());
        moved.record(Attendance.ATTENDED, null, "bring the ID card; brought it", false, "ana", NOW);
        assertEquals("bring the ID card; brought it", moved.entry().notes());
        assertEquals("session.plan-note.only-planned", assertThrows(SessionRefused.class,
                () -> moved.notePlan("later", false)).messageKey());
    }

    @Test
    void attendanceOfASessionStillAheadIsRefused() {
        SessionPlan nextWeek = new SessionPlan(LocalDate.parse("2026-12-05"), LocalTime.of(10, 0), 60,
                ServiceType.PROSOCIAL_PROGRAMME);
        DeliveredSession ahead = stored(new DeliveredSession(AGENCY, COLLEGE, 7, null, nextWeek, SessionFormat.INDIVIDUAL,
                "ana", null, "ana", NOW), 33);
        assertEquals("session.date.future", assertThrows(SessionRefused.class,
                () -> ahead.record(Attendance.ATTENDED, null, null, false, "ana", NOW)).messageKey());
        assertEquals(Attendance.PLANNED, ahead.attendance());
        ahead.record(Attendance.ATTENDED, null, null, false, "ana", Instant.parse("2026-12-05T12:00:00Z"));
        assertEquals(Attendance.ATTENDED, ahead.attendance());
    }

    @Test
    void onlyAttendanceThatTookPlaceIsRecorded() {
        assertEquals("session.attendance.required", assertThrows(SessionRefused.class,
                () -> planned().record(Attendance.PLANNED, null, null, false, "ana", NOW)).messageKey());
        assertTrue(Attendance.LATE.delivered());
        assertTrue(!Attendance.DID_NOT_ATTEND.delivered());
    }

    @Test
    void anEnrolmentIsOfferedThenConfirmedThenCompletedWithACertificate() {
        Enrolment enrolment = stored(new Enrolment(AGENCY, COLLEGE, 7, intake(), "Welding", "erlan", NOW), 41);
        assertEquals(EnrolmentStatus.OFFERED, enrolment.status());
        assertEquals("enrolment.not-allowed.OFFERED", assertThrows(SessionRefused.class,
                () -> enrolment.complete("CERT-1", "erlan", NOW)).messageKey());
        enrolment.confirm("erlan", NOW);
        assertEquals("enrolment.certificate.required", assertThrows(SessionRefused.class,
                () -> enrolment.complete(" ", "erlan", NOW)).messageKey());
        enrolment.complete(" CERT-2026-0042 ", "erlan", NOW);
        assertEquals("CERT-2026-0042", enrolment.entry().certificateNumber());
        assertEquals(EnrolmentStatus.COMPLETED, enrolment.status());
    }

    @Test
    void decliningAndDroppingOutNeedACodedReasonAndTextForOther() {
        Enrolment offered = stored(new Enrolment(AGENCY, COLLEGE, 7, intake(), "Welding", "erlan", NOW), 41);
        assertEquals("enrolment.reason-text.required", assertThrows(SessionRefused.class,
                () -> offered.decline(EnrolmentDeclineReason.OTHER, null, "erlan", NOW)).messageKey());
        offered.decline(EnrolmentDeclineReason.NOT_ELIGIBLE, null, "erlan", NOW);
        assertEquals("NOT_ELIGIBLE", offered.entry().reasonCode());

        Enrolment confirmed = stored(new Enrolment(AGENCY, COLLEGE, 8, intake(), "Welding", "erlan", NOW), 42);
        confirmed.confirm("erlan", NOW);
        assertEquals("enrolment.reason.required", assertThrows(SessionRefused.class,
                () -> confirmed.dropOut(null, null, "erlan", NOW)).messageKey());
        confirmed.dropOut(DropoutReason.FOUND_WORK, null, "erlan", NOW);
        assertEquals(EnrolmentStatus.DROPPED_OUT, confirmed.status());
    }

    @Test
    void aCardNumberIsNeverShownInFull() {
        CardMilestone card = stored(new CardMilestone(AGENCY, COLLEGE, 7, CardType.ID_CARD, LocalDate.parse("2026-11-01"),
                "ana"), 51);
        assertNull(card.entry().maskedNumber());
        assertEquals("card.issued-on.invalid", assertThrows(SessionRefused.class,
                () -> card.issue(LocalDate.parse("2026-10-01"), "123", "ana")).messageKey());
        card.issue(LocalDate.parse("2026-11-20"), "GE 0123 4567", "ana");
        assertEquals("•••• 4567", card.entry().maskedNumber());
        assertEquals("card.already-issued", assertThrows(SessionRefused.class,
                () -> card.issue(LocalDate.parse("2026-11-21"), "X", "ana")).messageKey());
        assertEquals("••••", CardEntry.mask("123"));
    }

    @Test
    void anActionPlanIsReviewedOnceAndAReturnNeedsComments() {
        ActionPlan plan = stored(new ActionPlan(AGENCY, COLLEGE, 7, 1, " Weekly group ", 12, "ana", NOW), 61);
        assertEquals("Weekly group", plan.entry().activities());
        assertEquals("plan.comment.required", assertThrows(SessionRefused.class,
                () -> plan.giveBack(" ", "nino", NOW)).messageKey());
        plan.giveBack("Add family sessions", "nino", NOW);
        assertEquals(ActionPlanStatus.RETURNED, plan.status());
        assertEquals("plan.not-waiting", assertThrows(SessionRefused.class, () -> plan.approve("nino", NOW)).messageKey());
        plan.supersede();
        assertEquals(ActionPlanStatus.RETURNED, plan.status(), "a reviewed version stays as reviewed");

        ActionPlan waiting = stored(new ActionPlan(AGENCY, COLLEGE, 7, 2, "Weekly group and family", 14, "ana", NOW), 62);
        waiting.supersede();
        assertEquals(ActionPlanStatus.SUPERSEDED, waiting.status());
        assertEquals("plan.sessions.range", assertThrows(SessionRefused.class,
                () -> new ActionPlan(AGENCY, COLLEGE, 7, 3, "x", 0, "ana", NOW)).messageKey());
    }

    private static CourseIntake intake() {
        return stored(new CourseIntake(1, LocalDate.parse("2026-12-15"), LocalDate.parse("2027-05-15"), 12), 11);
    }
}
