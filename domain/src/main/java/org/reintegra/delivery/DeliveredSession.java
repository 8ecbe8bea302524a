package org.reintegra.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.reintegra.referral.ServiceType;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;
import org.reintegra.tenancy.TenantId;

/**
 * One client's session on one referral: planned, then recorded as attended, late or not attended
 * (with a reason), or rescheduled (kept, and named by its replacement). The partner writes it;
 * the agency reads it.
 */
@Entity
@Table(name = "delivered_session")
public class DeliveredSession extends AgencyPartnerSharedEntity {

    public static final int MAX_NOTES = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivered_session_id")
    @SequenceGenerator(name = "delivered_session_id", sequenceName = "delivered_session_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "referral_id", nullable = false, updatable = false)
    private Long referralId;

    @Column(name = "group_id", updatable = false)
    private Long groupId;

    @Column(name = "session_date", nullable = false, updatable = false)
    private LocalDate sessionDate;

    @Column(name = "start_time", updatable = false)
    private LocalTime startTime;

    @Column(name = "duration_minutes", nullable = false, updatable = false)
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(name = "format", nullable = false, length = 12, updatable = false)
    private SessionFormat format;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type", nullable = false, length = 40, updatable = false)
    private ServiceType serviceType;

    @Column(name = "delivered_by", nullable = false, length = 100, updatable = false)
    private String deliveredBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "attendance", nullable = false, length = 20)
    private Attendance attendance;

    @Enumerated(EnumType.STRING)
    @Column(name = "absence_reason", length = 20)
    private AbsenceReason absenceReason;

    @Column(name = "notes", length = MAX_NOTES)
    private String notes;

    @Column(name = "concern", nullable = false)
    private boolean concern;

    @Column(name = "rescheduled_from", updatable = false)
    private Long rescheduledFrom;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected DeliveredSession() {
    }

    DeliveredSession(TenantId agency, TenantId partner, long referralId, Long groupId, SessionPlan plan,
                     SessionFormat format, String deliveredBy, Long rescheduledFrom, String recordedBy, Instant at) {
        super(agency, partner);
        this.referralId = referralId;
        this.groupId = groupId;
        this.sessionDate = plan.date();
        this.startTime = plan.startTime();
        this.durationMinutes = plan.durationMinutes();
        this.serviceType = plan.serviceType();
        this.format = format;
        this.deliveredBy = deliveredBy;
        this.attendance = Attendance.PLANNED;
        this.rescheduledFrom = rescheduledFrom;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
    }

    /**
     * Records how the client attended. Only a planned session (or a recorded one being corrected)
     * takes attendance; a rescheduled one is history, and one still ahead has not taken place. Not
     * attending needs a reason.
     */
    void record(Attendance outcome, AbsenceReason reason, String text, boolean raisedConcern, String by, Instant at) {
        if (attendance == Attendance.RESCHEDULED) {
            throw new SessionRefused("session.rescheduled-is-history");
        }
        if (sessionDate.isAfter(LocalDate.ofInstant(at, ZoneId.systemDefault()))) {
            throw new SessionRefused("session.date.future");
        }
        if (outcome == null || !outcome.recorded()) {
            throw new SessionRefused("session.attendance.required");
        }
        if ((outcome == Attendance.DID_NOT_ATTEND) != (reason != null)) {
            throw new SessionRefused(outcome == Attendance.DID_NOT_ATTEND
                    ? "session.absence-reason.required" : "session.absence-reason.only-if-absent");
        }
        this.attendance = outcome;
        this.absenceReason = reason;
        this.notes = checkedNote(text);
        this.concern = raisedConcern;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    /**
     * Notes a planned session, for whoever runs it ("bring the ID card"). The note stays when the
     * attendance is recorded or the session moved. A concern is raised about a session that took
     * place, so planning refuses one rather than dropping it.
     */
    void notePlan(String text, boolean raisedConcern) {
        if (attendance != Attendance.PLANNED) {
            throw new SessionRefused("session.plan-note.only-planned");
        }
        if (raisedConcern) {
            throw new SessionRefused("concern", "session.concern.only-recorded");
        }
        this.notes = checkedNote(text);
    }

    private static String checkedNote(String text) {
        if (text != null && text.length() > MAX_NOTES) {
            throw new SessionRefused("session.notes.too-long");
        }
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Moves a planned session: this one becomes history, the returned one takes its place with its note. */
    DeliveredSession reschedule(SessionPlan newPlan, String by, Instant at) {
        if (attendance != Attendance.PLANNED) {
            throw new SessionRefused("session.reschedule.only-planned");
        }
        this.attendance = Attendance.RESCHEDULED;
        this.recordedBy = by;
        this.recordedAt = at;
        DeliveredSession moved = new DeliveredSession(agencyTenant(), partnerTenant(), referralId, groupId, newPlan, format,
                deliveredBy, id, by, at);
        moved.notes = notes;
        return moved;
    }

    SessionEntry entry() {
        return new SessionEntry(id, sessionDate, startTime, durationMinutes, format, serviceType, deliveredBy, attendance,
                absenceReason, notes, concern, rescheduledFrom, version);
    }

    public Long id() {
        return id;
    }

    public long referralId() {
        return referralId;
    }

    public Attendance attendance() {
        return attendance;
    }

    public boolean concern() {
        return concern;
    }

    public long version() {
        return version;
    }
}
